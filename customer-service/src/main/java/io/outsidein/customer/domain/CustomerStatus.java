package io.outsidein.customer.domain;

public enum CustomerStatus {
  ACTIVE,
  MERGED,
  ERASED
}
