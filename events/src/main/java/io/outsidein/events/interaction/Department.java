package io.outsidein.events.interaction;

/** The company's silos, which a customer should not have to know about. */
public enum Department {
  MARKETING,
  SALES,
  DELIVERY,
  SUPPORT,
  BILLING,
  PRODUCT
}
