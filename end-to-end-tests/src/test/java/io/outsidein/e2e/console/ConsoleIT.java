package io.outsidein.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.ActionCode;
import io.outsidein.client.model.ArmResult;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.Customer;
import io.outsidein.client.model.CustomerCase;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Experiment;
import io.outsidein.client.model.ExperimentArm;
import io.outsidein.client.model.ExperimentOutcome;
import io.outsidein.client.model.ExperimentPopulation;
import io.outsidein.client.model.ExperimentResults;
import io.outsidein.client.model.ExperimentTreatment;
import io.outsidein.client.model.Gesture;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewExperiment;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.demo.DemoLoader;
import io.outsidein.demo.DemoOptions;
import io.outsidein.e2e.SharedSuite;
import io.outsidein.experiments.Assignment;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.StubIssuer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser (Debian's chromium, driven by chromedriver) against a running suite
 * with demo data: the agent's story, the supervisor's approval, the analyst's dashboard,
 * experiments and their results, and how the console behaves as a product. Every experiment a test
 * designs takes only customers of a segment of its own, so that it changes no other test's next
 * best actions. Screenshots go to target/console-screenshots/.
 */
@ExtendWith(SharedSuite.class)
class ConsoleIT {
  private static OutsideIn agentApi;
  private static OutsideIn supervisorApi;
  private static OutsideIn analystApi;

  /** The arms of every experiment these tests design, in the order the experiment lists them. */
  private static final List<Assignment.Arm> ARMS =
      List.of(new Assignment.Arm("control", 1), new Assignment.Arm("callBack", 1));

  private static Browser browser;
  private static String gateway;

  private String test;

  @BeforeAll
  static void start(Suite suite) {
    gateway = suite.gatewayUrl();
    agentApi = OutsideIn.connect(gateway, "local-agent-key");
    supervisorApi = OutsideIn.connect(gateway, "local-supervisor-key");
    analystApi = OutsideIn.connect(gateway, "local-analyst-key");
    DemoOptions demo =
        DemoOptions.parse(
            "--gateway", gateway, "--customers", "60", "--interactions", "900", "--seed", "21");
    new DemoLoader(OutsideIn.connect(gateway, demo.apiKey()), 2, line -> {}).load(demo);
    browser = Browser.start(gateway);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void name(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    browser.size(1280, 900);
  }

  @AfterEach
  void signOut() {
    browser.screenshot(test + "-last");
    browser.reset();
  }

  @Test
  void agentFindsACustomerReadsTheJourneyRecordsOpensHandsOffAndGrants() throws ApiException {
    Customer customer = customer("Grace Hopper-" + suffix());
    CustomerCase old =
        agentApi
            .cases()
            .openCase(
                new NewCase()
                    .customerId(customer.getId())
                    .subject("Invoice sent twice")
                    .department(Department.BILLING));
    complaint(customer, "Parcel arrived damaged");

    browser.signInAs("agent");
    browser.search(customer.getDisplayName().substring(0, 11));
    browser.click(By.linkText(customer.getDisplayName()));
    browser.waitForText(By.cssSelector("main h2"), customer.getDisplayName());
    browser.waitForText(By.cssSelector(".timeline"), "Parcel arrived damaged");
    browser.waitForText(By.cssSelector(".timeline"), "Support");
    browser.waitForText(By.cssSelector(".cases"), "Invoice sent twice");
    browser.waitForText(By.cssSelector("section[aria-labelledby=goodwill-heading] table"), "EUR");
    browser.screenshot(test + "-journey");
    browser.assertAccessible("customer page");
    assertThat(browser.url()).doesNotContain("Grace").doesNotContain("@");

    WebElement record = browser.form("Record an interaction");
    browser.choose(record, "channel", "PHONE");
    browser.choose(record, "department", "SUPPORT");
    browser.choose(record, "type", "INQUIRY");
    browser.type(record, "summary", "Asked when the refund arrives");
    browser.submit(record);
    browser.waitForText(By.cssSelector(".timeline"), "Asked when the refund arrives");

    WebElement open = browser.form("Open a case");
    browser.type(open, "subject", "Refund for the damaged parcel");
    browser.choose(open, "department", "SUPPORT");
    browser.submit(open);
    browser.waitForText(By.cssSelector(".cases"), "Refund for the damaged parcel");

    WebElement handOff = browser.form("Refund for the damaged parcel", "Hand off");
    browser.choose(handOff, "toDepartment", "BILLING");
    browser.type(handOff, "note", "Refund needs billing");
    browser.submit(handOff);
    browser.waitForText(browser.caseItem("Refund for the damaged parcel", ".path"), "Billing");
    assertThat(browser.text(browser.caseItem("Refund for the damaged parcel", ".path")))
        .matches("(?s)Support\\s*→?\\s*Billing");

    WebElement grant = browser.form("Refund for the damaged parcel", "Grant a goodwill gesture");
    browser.type(grant, "value", "20.00");
    browser.choose(grant, "currency", "EUR");
    browser.type(grant, "reason", "Parcel arrived damaged");
    browser.submit(grant);
    browser.waitForText(
        browser.caseItem("Refund for the damaged parcel", ".decision"), "Approved: 20.00 EUR");
    browser.type(grant, "value", "30.00");
    browser.choose(grant, "currency", "EUR");
    browser.type(grant, "reason", "Second parcel damaged too");
    browser.submit(grant);
    browser.waitForText(
        browser.caseItem("Refund for the damaged parcel", ".decision"),
        "Held for a supervisor: 30.00 EUR");
    assertThat(browser.text(browser.caseItem("Refund for the damaged parcel", ".decision")))
        .contains("Above latitude");
    browser.screenshot(test + "-granted");

    WebElement resolve = browser.form("Invoice sent twice", "Resolve");
    browser.type(resolve, "resolution", "Second invoice cancelled");
    browser.submit(resolve);
    browser.waitUntilGone(By.xpath("//li[contains(@class,'case')][.//h4[.='Invoice sent twice']]"));

    assertThat(agentApi.cases().getCase(old.getId()).getResolution())
        .isEqualTo("Second invoice cancelled");

    // Once insight has seen the resolution, it recommends asking for feedback: record it as done.
    WebElement done = browser.formAfterReloads("Record ask for feedback as done");
    browser.type(done, "note", "Asked by phone, rated later");
    browser.submit(done);
    browser.waitForText(By.cssSelector("details.taken summary"), "Actions taken (2)");
    browser.click(By.cssSelector("details.taken summary"));
    browser.waitForText(By.cssSelector("details.taken"), "Ask for feedback · by local-agent");
    browser.waitForText(By.cssSelector("details.taken"), "Goodwill gesture · by local-agent");
    browser.screenshot(test + "-action-recorded");
    assertThat(browser.sessionStorage())
        .doesNotContain(customer.getDisplayName())
        .doesNotContain(customer.getEmail());
  }

  @Test
  void supervisorSignedInWithTheCompanyAccountApprovesAHeldGestureFromTheQueue(StubIssuer issuer)
      throws ApiException {
    Customer customer = customer("Katherine Johnson-" + suffix());
    CustomerCase opened =
        agentApi
            .cases()
            .openCase(
                new NewCase()
                    .customerId(customer.getId())
                    .subject("Late delivery")
                    .department(Department.DELIVERY));
    Gesture held =
        agentApi
            .gestures()
            .grantGesture(
                opened.getId(),
                new GrantGesture()
                    .amount(new GrantGestureAmount().value("40.00").currency("EUR"))
                    .reason("Delivered a week late"));
    assertThat(held.getStatus()).isEqualTo(GestureStatus.PENDING_APPROVAL);

    // A person of their own (their own rate limit), not the shared supervisor key other tests use.
    String supervisor = "sam.okafor-" + suffix();
    issuer.signsInNext(supervisor, "supervisor");
    browser.signInWithCompanyAccount();
    browser.click(By.linkText("Approvals"));
    By item =
        By.xpath(
            "//li[contains(@class,'queue-item')][.//a[.='" + customer.getDisplayName() + "']]");
    // Oldest first: other tests' held gestures may come before this one.
    browser.showMoreUntil(item);
    assertThat(browser.text(item)).contains("40.00 EUR").contains("Waiting").contains("Above");
    browser.screenshot(test + "-queue");
    browser.assertAccessible("approvals page");
    browser.find(item).findElement(By.name("note")).sendKeys("Loyal customer, approved");
    browser.find(item).findElement(By.xpath(".//button[.='Approve']")).click();
    browser.waitForText(By.cssSelector("main .form-status"), "Approved: 40.00 EUR");

    Gesture decided =
        supervisorApi.gestures().getGoodwillStanding(customer.getId()).getLastGestures().stream()
            .filter(g -> g.getId().equals(held.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(decided.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(decided.getDecidedBy()).isEqualTo(supervisor);
    assertThat(decided.getDecisionNote()).isEqualTo("Loyal customer, approved");
  }

  @Test
  void analystSeesSegmentsJourneysAndRiskAsChartsWithTheirNumbers() {
    browser.signInAs("analyst");
    browser.click(By.linkText("Insights"));
    browser.waitFor(By.cssSelector("figure .chart svg"));
    assertThat(browser.findAll(By.cssSelector("figure .chart svg"))).hasSizeGreaterThanOrEqualTo(3);
    // Each chart's numbers are in a table; the demo population's segments are all there.
    String numbers =
        browser.textContent(By.xpath("//figure[.//h3[.='Average health per segment']]//table"));
    assertThat(numbers).contains("Segment").contains("Customers").contains("Average health");
    assertThat(
            browser.findAll(By.xpath("//figure[.//h3[.='Average health per segment']]//tbody/tr")))
        .isNotEmpty();
    assertThat(
            browser.textContent(
                By.xpath("//figure[.//h3[.='Handoffs between departments']]//table")))
        .contains("From");
    browser.waitForText(By.cssSelector("main"), "Most common case paths");
    browser.waitForText(By.cssSelector("main"), "Customers at high risk");
    browser.waitForText(By.cssSelector("main"), "What works");
    browser.screenshotOfTheWholePage(test + "-dashboard");
    browser.assertAccessible("insights page");
  }

  @Test
  void analystDesignsAnExperimentAndStopsIt() {
    String name = "Call back silent customers " + suffix();
    String segment = uniqueSegment();
    browser.signInAs("analyst");
    browser.click(By.linkText("Experiments"));
    browser.click(By.xpath("//summary[.='Design an experiment']"));
    WebElement design = browser.form("Design an experiment");
    browser.type(design, "name", name);
    browser.type(design, "hypothesis", "A call brings silent customers back");
    browser.type(design, "segment", segment);
    browser.choose(design, "minRisk", "MEDIUM");
    browser.choose(design, "outcome", "RETAINED");
    browser.type(design, "arm", "callBack");
    browser.choose(design, "kind", "ACTION");
    browser.choose(design, "action", "PROACTIVE_OUTREACH");
    browser.submit(design);
    By experiment =
        By.xpath("//li[contains(@class,'experiment')][.//h3[starts-with(.,'" + name + "')]]");
    browser.waitForText(experiment, "Running");
    assertThat(browser.text(experiment))
        .contains("segment " + segment + ", risk medium or higher")
        .contains("designed by local-analyst")
        .contains("callBack 1 recommends proactive outreach")
        .contains("control 1 nothing (control)");
    browser.screenshot(test + "-designed");
    browser.assertAccessible("experiments page");
    browser.submit(browser.form("Stop " + name));
    browser.waitForText(experiment, "Stopped");
  }

  @Test
  void agentSeesTheExperimentACustomerIsInAndTheArmBehindAnAction() throws ApiException {
    String segment = uniqueSegment();
    Experiment experiment = analystApi.experiments().designExperiment(callBack(segment));
    // The arm is a function of the experiment and the customer: the first called back will do.
    List<Customer> registered = new ArrayList<>();
    Customer customer = null;
    while (customer == null && registered.size() < 20) {
      Customer candidate = customer("Mary Jackson-" + suffix(), segment);
      complaint(candidate, "Nobody called back");
      registered.add(candidate);
      if (armOf(experiment, candidate).equals("callBack")) {
        customer = candidate;
      }
    }
    assertThat(customer).as("a customer in the callBack arm within 20").isNotNull();
    awaitEnrolment(registered, experiment);

    browser.signInAs("agent");
    browser.openCustomer(customer.getId());
    By experiments = By.cssSelector("section[aria-labelledby=experiments-heading]");
    browser.waitForText(experiments, experiment.getName());
    assertThat(browser.text(experiments)).contains("Arm callBack: recommends proactive outreach");
    browser.waitForText(
        By.cssSelector("section[aria-labelledby=nba-heading] .arm-note"),
        "experiment: " + experiment.getName() + ", arm callBack");
    assertThat(browser.text(By.cssSelector("section[aria-labelledby=nba-heading] li")))
        .startsWith("Proactive outreach");
    browser.screenshotOfTheWholePage(test + "-customer-page");
    browser.assertAccessible("customer page with an experiment");

    // A customer in no experiment reads so.
    Customer outside = customer("Annie Easley-" + suffix());
    complaint(outside, "Wants to talk to someone");
    browser.openCustomer(outside.getId());
    browser.waitForText(By.cssSelector("main h2"), outside.getDisplayName());
    browser.waitForText(experiments, "Not in any running experiment");
    analystApi.experiments().stopExperiment(experiment.getId());
  }

  @Test
  void analystReadsAnExperimentsResultsPerArmWithTheVerdictAndThePerSegmentTable()
      throws ApiException {
    String segment = uniqueSegment();
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Customer customer = customer("Evelyn Boyd-" + suffix(), segment);
      complaint(customer, "Second parcel late");
      customers.add(customer);
    }
    Experiment experiment = analystApi.experiments().designExperiment(callBack(segment));
    awaitEnrolment(customers, experiment);
    // The suite follows each customer for 20 seconds: then every arm has its outcomes to draw.
    ExperimentResults enrolled =
        Awaitility.await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(2))
            .ignoreExceptions()
            .until(
                () -> analystApi.experiments().getExperimentResults(experiment.getId()),
                results ->
                    results.getArms().stream().mapToInt(ArmResult::getOutcomes).sum()
                        == customers.size());

    browser.signInAs("analyst");
    browser.click(By.linkText("Experiments"));
    browser.click(By.linkText("Results of " + experiment.getName()));
    browser.waitForText(By.cssSelector("main h2"), "Results: " + experiment.getName());
    // Four customers cannot reach the minimum per arm: the verdict says what it waits for.
    browser.waitForText(
        By.cssSelector("main .verdict"),
        "Not enough data yet: each arm needs " + enrolled.getMinimumPerArm() + " closed outcomes");
    browser.waitFor(By.cssSelector("main figure .chart svg"));
    assertThat(browser.findAll(By.cssSelector("main figure .chart svg"))).hasSize(2);
    By arms = By.xpath("//figure[.//h3[.='Customers retained per arm (95% interval)']]//tbody/tr");
    assertThat(browser.findAll(arms)).hasSize(2);
    for (ArmResult arm : enrolled.getArms()) {
      assertThat(browser.findAll(arms).stream().map(row -> row.getAttribute("textContent")))
          .as("the row of arm %s", arm.getName())
          .anyMatch(
              row ->
                  row.startsWith(
                      arm.getName() + arm.getCustomers() + arm.getFollowing() + arm.getOutcomes()));
    }
    assertThat(
            browser.textContent(
                By.xpath(
                    "//figure[.//h3[.='Difference to control (95% always-valid interval)']]"
                        + "//table")))
        .contains("callBack")
        .contains("control")
        .contains("Not enough data yet");
    String perSegment = browser.text(By.xpath("//section[h3[.='Per segment']]//table"));
    assertThat(perSegment).contains(segment + " control").contains(segment + " callBack");
    browser.screenshotOfTheWholePage(test + "-results");
    browser.assertAccessible("experiment results page");
    analystApi.experiments().stopExperiment(experiment.getId());
  }

  @Test
  void analystSeesWhetherTheChurnScorePredictsPerSegment() {
    browser.signInAs("analyst");
    browser.click(By.linkText("Insights"));
    By section = By.cssSelector("section.calibration");
    browser.waitFor(By.cssSelector("section.calibration figure .chart svg"));
    assertThat(browser.text(By.cssSelector("section.calibration .verdict")))
        .matches("(?s)(The score predicts|The score does not predict|Too few to say yet) .+");
    assertThat(browser.textContent(By.cssSelector("section.calibration table")))
        .contains("Churn risk")
        .contains("Churn rate");
    browser.screenshotOfTheWholePage(test + "-calibration");
    browser.assertAccessible("insights page with the calibration");

    // One segment: the numbers are that segment's only.
    String chosen =
        browser
            .find(By.cssSelector("section.calibration select option:nth-child(2)"))
            .getAttribute("value");
    browser.choose(browser.find(section), "segment", chosen);
    browser.waitFor(By.cssSelector("section.calibration figure .chart svg"));
    assertThat(
            browser.findAll(By.cssSelector("section.calibration tbody tr td:first-child")).stream()
                .map(cell -> cell.getAttribute("textContent")))
        .allMatch(chosen::equals);
  }

  @Test
  void readableOnAPhoneAndKeyboardFirst() throws ApiException {
    Customer customer = customer("Dorothy Vaughan-" + suffix());
    complaint(customer, "Cannot log in to the app");
    browser.size(390, 844);
    browser.signInAs("agent");
    browser.openCustomer(customer.getId());
    browser.waitForText(By.cssSelector("main h2"), customer.getDisplayName());
    browser.waitForText(By.cssSelector(".timeline"), "Cannot log in to the app");
    assertThat(browser.horizontalOverflow()).as("page wider than the phone").isLessThanOrEqualTo(0);
    browser.screenshot(test + "-phone");
    browser.assertAccessible("customer page on a phone");
    // The first Tab reaches the skip link, which leads to the page's content.
    browser.tab();
    assertThat(browser.focusedText()).isEqualTo("Skip to content");
  }

  @Test
  void aPersonSignsInWithTheCompanyAccountThroughPkce(StubIssuer issuer) {
    String name = "marie.curie-" + suffix();
    issuer.signsInNext(name, "supervisor");
    browser.signInWithCompanyAccount();
    browser.waitForText(By.cssSelector("#who .person"), name);
    assertThat(browser.text(By.cssSelector("#who .role"))).isEqualTo("supervisor");
    assertThat(browser.url()).as("the code leaves the address").doesNotContain("code=");
    // The token works for the API: the supervisor's queue loads.
    browser.click(By.linkText("Approvals"));
    browser.waitFor(By.xpath("//main/h2[.='Gestures waiting for approval']"));
    browser.waitUntilGone(By.cssSelector("main .loading"));
    assertThat(browser.findAll(By.cssSelector("main .problem"))).isEmpty();
    browser.screenshot(test + "-approvals");
  }

  @Test
  void aKeyThatStopsWorkingLeadsBackToSignInWithTheApisReason() {
    browser.signInAs("agent");
    browser.replaceCredential("no-such-key");
    browser.search("a");
    browser.waitForText(By.cssSelector("main"), "Sign in");
    browser.waitForText(
        By.cssSelector("main .notice"), "a valid API key or sign-in token is required");
    browser.screenshot(test + "-signed-out");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  private static String uniqueSegment() {
    return "console-exp-" + suffix();
  }

  /** Control and a callBack arm recommending proactive outreach, to a segment's customers only. */
  private static NewExperiment callBack(String segment) {
    return new NewExperiment()
        .name("Call back " + segment)
        .hypothesis("A call brings customers back")
        .population(new ExperimentPopulation().segment(segment))
        .arms(
            List.of(
                new ExperimentArm().name("control").weight(1),
                new ExperimentArm()
                    .name("callBack")
                    .weight(1)
                    .treatment(new ExperimentTreatment().action(ActionCode.PROACTIVE_OUTREACH))))
        .outcome(ExperimentOutcome.RETAINED)
        .startsAt(OffsetDateTime.now().minusMinutes(1));
  }

  private static String armOf(Experiment experiment, Customer customer) {
    return Assignment.armOf(experiment.getId(), customer.getId(), ARMS).name();
  }

  /** The results once every customer is enrolled and sees it: the suite enrols every 2 seconds. */
  private static ExperimentResults awaitEnrolment(List<Customer> customers, Experiment experiment) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              for (Customer customer : customers) {
                if (agentApi
                    .insights()
                    .getCustomerInsights(customer.getId())
                    .getExperiments()
                    .stream()
                    .noneMatch(e -> e.getExperimentId().equals(experiment.getId()))) {
                  return false;
                }
              }
              return true;
            });
    try {
      ExperimentResults results = analystApi.experiments().getExperimentResults(experiment.getId());
      assertThat(results.getArms().stream().mapToInt(ArmResult::getCustomers).sum())
          .isEqualTo(customers.size());
      return results;
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }

  private static Customer customer(String name) throws ApiException {
    return customer(name, "console");
  }

  private static Customer customer(String name, String segment) throws ApiException {
    return agentApi
        .customers()
        .registerCustomer(
            new NewCustomer()
                .displayName(name)
                .email(name.toLowerCase().replace(' ', '.') + "@example.com")
                .segment(segment));
  }

  private static void complaint(Customer customer, String summary) throws ApiException {
    agentApi
        .interactions()
        .recordInteraction(
            new NewInteraction()
                .customerId(customer.getId())
                .channel(Channel.PHONE)
                .department(Department.SUPPORT)
                .type(InteractionType.COMPLAINT)
                .summary(summary)
                .sentiment(-0.5),
            "console-" + UUID.randomUUID());
  }
}
