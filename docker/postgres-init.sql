-- One server, one database per service: no service reads another's tables.
CREATE DATABASE customers;
CREATE DATABASE interactions;
CREATE DATABASE insights;
