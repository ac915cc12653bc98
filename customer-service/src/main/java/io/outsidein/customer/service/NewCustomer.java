package io.outsidein.customer.service;

/** What a caller gives to register a customer, already validated. */
public record NewCustomer(String displayName, String email, String segment) {}
