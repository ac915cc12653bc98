package io.outsidein.gateway.auth;

import static io.outsidein.gateway.auth.Role.ADMIN;
import static io.outsidein.gateway.auth.Role.AGENT;
import static io.outsidein.gateway.auth.Role.ANALYST;
import static io.outsidein.gateway.auth.Role.INTEGRATION;
import static io.outsidein.gateway.auth.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;

/** What an operation needs, and which roles have it: the role table of the design in one place. */
public enum Permission {
  READ_CUSTOMERS(AGENT, SUPERVISOR, ANALYST, INTEGRATION, ADMIN),
  WRITE_CUSTOMERS(AGENT, SUPERVISOR, INTEGRATION, ADMIN),
  ERASE_CUSTOMERS(ADMIN),
  MERGE_CUSTOMERS(ADMIN),
  RECORD_INTERACTIONS(AGENT, SUPERVISOR, INTEGRATION, ADMIN),
  RECORD_INTERACTION_BATCHES(INTEGRATION, ADMIN),
  READ_INTERACTIONS(AGENT, SUPERVISOR, ANALYST, INTEGRATION, ADMIN),
  READ_CASES(AGENT, SUPERVISOR, ANALYST, ADMIN),
  WORK_CASES(AGENT, SUPERVISOR, ADMIN),
  GRANT_GESTURES(AGENT, SUPERVISOR, ADMIN),
  READ_GESTURES(AGENT, SUPERVISOR, ANALYST, ADMIN),
  DECIDE_GESTURES(SUPERVISOR, ADMIN),
  /** The goodwill policy and its versions: the front line reads what it may give. */
  READ_GOODWILL_POLICY(AGENT, SUPERVISOR, ANALYST, ADMIN),
  CHANGE_GOODWILL_POLICY(ADMIN),
  /** A customer's insights and journey: what the front line needs to serve them. */
  READ_CUSTOMER_INSIGHTS(AGENT, SUPERVISOR, ANALYST, ADMIN),
  /** Segments, risk rankings and journey analytics across customers. */
  READ_AGGREGATE_INSIGHTS(ANALYST, ADMIN),
  REBUILD_INSIGHTS(ADMIN),
  /** Recording what was done for a customer: the front line acts. */
  RECORD_ACTIONS(AGENT, SUPERVISOR, ADMIN),
  /** A customer's actions taken. */
  READ_ACTIONS(AGENT, SUPERVISOR, ANALYST, ADMIN),
  /** What followed the actions, per action and segment, against a comparison group. */
  READ_ACTION_OUTCOMES(SUPERVISOR, ANALYST, ADMIN),
  /** Experiments as designed, and where they stand: the front line sees what runs. */
  READ_EXPERIMENTS(AGENT, SUPERVISOR, ANALYST, ADMIN),
  /** Designing, starting and stopping experiments: analysts no longer only read. */
  DESIGN_EXPERIMENTS(ANALYST, ADMIN),
  /** What each arm's customers did and the verdict: those who decide what the front line does. */
  READ_EXPERIMENT_RESULTS(SUPERVISOR, ANALYST, ADMIN),
  /** Whether the churn score predicts churn, per risk level and segment. */
  READ_CALIBRATION(SUPERVISOR, ANALYST, ADMIN);

  private final Set<Role> roles;

  Permission(Role first, Role... rest) {
    this.roles = EnumSet.of(first, rest);
  }

  public boolean grantedTo(Role role) {
    return roles.contains(role);
  }
}
