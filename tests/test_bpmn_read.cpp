// The BPMN reader against every row of shared/spec/bpmn.md "Reading", the
// extension vocabulary of docs/bpmn.md, bad input, and the MIWG reference
// models (every file: read, or refused for a stated reason).
#include "support.hpp"

#include <baton/bpmn.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using baton::LoadError;
using baton::StepKind;
using baton::Workflow;
using Catch::Matchers::Contains;

namespace {

constexpr const char* head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"\n"
    "  xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\"\n"
    "  xmlns:baton=\"urn:baton:bpmn:1\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"\n"
    "  xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"defs\" name=\"Definitioner\">\n";

// A process `body` (and `after` it: collaboration, diagram) in a document.
std::string doc(const std::string& body, const std::string& after = "") {
  return std::string(head) + "<process id=\"p\" name=\"Proces\">\n" + body + "\n</process>\n" + after +
         "</definitions>\n";
}

std::string flow(const std::string& id, const std::string& from, const std::string& to, const std::string& extra = "") {
  return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"" + extra + "/>\n";
}

baton::WorkflowRead read(const std::string& text, const baton::BpmnReadOptions& options = {}) {
  return baton::load_bpmn(text, "test.bpmn", options);
}

std::shared_ptr<const Workflow> wf(const std::string& text) { return read(text).workflow; }

const baton::Step& step(const Workflow& w, const std::string& id) {
  auto i = w.find_step(id);
  REQUIRE(i);
  return w.step(*i);
}

std::vector<std::string> targets(const Workflow& w, const std::string& id) {
  std::vector<std::string> out;
  for (auto t : w.outgoing(*w.find_step(id))) out.push_back(w.step(w.transition(t).to).id);
  return out;
}

std::optional<std::string> label(const Workflow& w, const std::string& from, const std::string& to) {
  for (auto t : w.outgoing(*w.find_step(from)))
    if (w.step(w.transition(t).to).id == to) return w.transition(t).label;
  FAIL("no transition " << from << " -> " << to);
  return std::nullopt;
}

std::string team_of(const Workflow& w, const std::string& id) {
  const auto& s = step(w, id);
  return s.team ? w.teams()[*s.team].id : "";
}

LoadError refusal(const std::string& text, const baton::BpmnReadOptions& options = {}) {
  try {
    read(text, options);
  } catch (const LoadError& e) {
    return e;
  }
  FAIL("the document was read");
  throw;
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string linear = "<startEvent id=\"s\"/><task id=\"t\" name=\"Opgave\"/><endEvent id=\"e\"/>" +
                           flow("f1", "s", "t") + flow("f2", "t", "e");

}  // namespace

TEST_CASE("every kind of task, a call activity and a collapsed subprocess are task steps", "[bpmn]") {
  std::string body = "<startEvent id=\"s\" name=\"Start\"/>";
  const std::vector<std::string> kinds = {"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask",
                                          "scriptTask", "businessRuleTask", "callActivity", "subProcess"};
  std::string prev = "s";
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string id = "n" + std::to_string(i);
    body += "<" + kinds[i] + " id=\"" + id + "\" name=\"" + kinds[i] + " æøå\"><documentation>Hvad der gøres</documentation></" +
            kinds[i] + ">" + flow("f" + id, prev, id);
    prev = id;
  }
  body += "<endEvent id=\"e\"/>" + flow("fe", prev, "e");
  auto w = wf(doc(body));
  REQUIRE(w->steps().size() == kinds.size() + 2);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto& s = step(*w, "n" + std::to_string(i));
    CHECK(s.kind == StepKind::task);
    CHECK(s.name == kinds[i] + " æøå");
    CHECK(s.description == "Hvad der gøres");
  }
  CHECK(step(*w, "s").kind == StepKind::start);
  CHECK(step(*w, "e").kind == StepKind::end);
  CHECK(w->id() == "p");
  CHECK(w->name() == "Proces");
}

TEST_CASE("the workflow's name comes from the process, else its pool, else the definitions", "[bpmn]") {
  const std::string unnamed = std::string(head) + "<process id=\"p\">" + linear + "</process></definitions>";
  CHECK(wf(unnamed)->name() == "Definitioner");
  const std::string pooled = std::string(head) +
                             "<collaboration id=\"c\"><participant id=\"pool\" name=\"Sagsbehandling\" processRef=\"p\"/>"
                             "</collaboration><process id=\"p\">" + linear + "</process></definitions>";
  CHECK(wf(pooled)->name() == "Sagsbehandling");
}

TEST_CASE("elements are matched by namespace URI, never by prefix", "[bpmn]") {
  const std::string semantic =
      "<semantic:definitions xmlns:semantic=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
      "<semantic:process id=\"p\"><semantic:startEvent id=\"s\"/><semantic:userTask id=\"t\" name=\"A\"/>"
      "<semantic:endEvent id=\"e\"/><semantic:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/>"
      "<semantic:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/></semantic:process></semantic:definitions>";
  CHECK(wf(semantic)->steps().size() == 3);

  // A prefix declared on an inner element, and the default namespace redeclared.
  const std::string mixed =
      "<b:definitions xmlns:b=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
      "<process xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"p\"><startEvent id=\"s\"/>"
      "<x:task xmlns:x=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"t\"/><endEvent id=\"e\"/>"
      "<other xmlns=\"urn:other\"><task id=\"ignored\"/></other>" +
      flow("f1", "s", "t") + flow("f2", "t", "e") + "</process></b:definitions>";
  auto w = wf(mixed);
  CHECK(w->steps().size() == 3);
  CHECK_FALSE(w->find_step("ignored"));

  // bpmn: bound to another URI is not BPMN.
  const std::string impostor = "<bpmn:definitions xmlns:bpmn=\"http://example.com/not-bpmn\"><bpmn:process id=\"p\"/>"
                               "</bpmn:definitions>";
  CHECK_THAT(refusal(impostor).message(), Contains("not a BPMN 2.0 file"));
}

TEST_CASE("several start events: one added start step with an XOR split to them", "[bpmn]") {
  auto r = read(doc("<startEvent id=\"a\" name=\"Ansøgning\"/><startEvent id=\"b\" name=\"Underretning\"/>"
                    "<task id=\"t\"/><endEvent id=\"e\"/>" +
                    flow("f1", "a", "t") + flow("f2", "b", "t") + flow("f3", "t", "e")));
  const Workflow& w = *r.workflow;
  const auto& start = w.step(w.start());
  CHECK(start.id == "start");
  CHECK(start.split == baton::Gate::exclusive);
  CHECK(targets(w, "start") == std::vector<std::string>{"a", "b"});
  CHECK(step(w, "a").kind == StepKind::gateway);
  CHECK(step(w, "a").name == "Ansøgning");
  CHECK(step(w, "t").join == baton::Gate::exclusive);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Contains("2 start events"));
}

TEST_CASE("intermediate events are task steps; a timer's duration is the step's", "[bpmn]") {
  auto r = read(doc("<startEvent id=\"s\"/>"
                    "<intermediateCatchEvent id=\"vent\" name=\"Vent 10 dage\"><timerEventDefinition>"
                    "<timeDuration>P10D</timeDuration></timerEventDefinition></intermediateCatchEvent>"
                    "<intermediateThrowEvent id=\"besked\" name=\"Send besked\"/>"
                    "<intermediateCatchEvent id=\"udtryk\"><timerEventDefinition><timeDuration>${frist}</timeDuration>"
                    "</timerEventDefinition></intermediateCatchEvent><endEvent id=\"e\"/>" +
                    flow("f1", "s", "vent") + flow("f2", "vent", "besked") + flow("f3", "besked", "udtryk") +
                    flow("f4", "udtryk", "e")));
  const Workflow& w = *r.workflow;
  CHECK(step(w, "vent").kind == StepKind::task);
  CHECK(step(w, "vent").duration == baton::Duration::parse("P10D"));
  CHECK(step(w, "besked").kind == StepKind::task);
  CHECK_FALSE(step(w, "udtryk").duration);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Contains("${frist}"));
}

TEST_CASE("gateways: exclusive and event-based are XOR, parallel is AND", "[bpmn]") {
  auto w = wf(doc("<startEvent id=\"s\"/><parallelGateway id=\"and\"/><task id=\"a\"/><task id=\"b\"/>"
                  "<parallelGateway id=\"sync\"/><eventBasedGateway id=\"evt\"/><exclusiveGateway id=\"x\"/>"
                  "<endEvent id=\"e\"/>" +
                  flow("f1", "s", "and") + flow("f2", "and", "a") + flow("f3", "and", "b") + flow("f4", "a", "sync") +
                  flow("f5", "b", "sync") + flow("f6", "sync", "evt") + flow("f7", "evt", "x") + flow("f8", "x", "e")));
  for (const char* id : {"and", "sync"}) {
    CHECK(step(*w, id).kind == StepKind::gateway);
    CHECK(step(*w, id).join == baton::Gate::parallel);
    CHECK(step(*w, id).split == baton::Gate::parallel);
  }
  for (const char* id : {"evt", "x"}) {
    CHECK(step(*w, id).kind == StepKind::gateway);
    CHECK(step(*w, id).join == baton::Gate::exclusive);
    CHECK(step(*w, id).split == baton::Gate::exclusive);
  }
}

TEST_CASE("a task's own split: XOR for conditional flows, AND for unconditional ones", "[bpmn]") {
  const auto split_of = [](const std::string& f1, const std::string& f2, const std::string& attrs = "") {
    auto w = wf(doc("<startEvent id=\"s\"/><task id=\"t\"" + attrs + "/><task id=\"a\"/><task id=\"b\"/>"
                    "<endEvent id=\"e\"/>" + flow("f0", "s", "t") + f1 + f2 + flow("fa", "a", "e") +
                    flow("fb", "b", "e")));
    CHECK(step(*w, "e").join == baton::Gate::exclusive);  // several incoming: XOR join
    return step(*w, "t").split;
  };
  CHECK(split_of(flow("f1", "t", "a"), flow("f2", "t", "b")) == baton::Gate::parallel);
  CHECK(split_of("<sequenceFlow id=\"f1\" sourceRef=\"t\" targetRef=\"a\"><conditionExpression>${akut}"
                 "</conditionExpression></sequenceFlow>",
                 flow("f2", "t", "b")) == baton::Gate::exclusive);
  CHECK(split_of(flow("f1", "t", "a"), flow("f2", "t", "b"), " default=\"f2\"") == baton::Gate::exclusive);
}

TEST_CASE("inclusive and complex gateways are refused, naming the element", "[bpmn]") {
  for (const char* kind : {"inclusiveGateway", "complexGateway"}) {
    const LoadError e = refusal(doc("<startEvent id=\"s\"/>\n<" + std::string(kind) + " id=\"or\"/>"));
    CHECK(e.place() == "test.bpmn:8:1");
    CHECK_THAT(e.message(), Contains("no OR semantics") && Contains("(element \"or\")"));
  }
}

TEST_CASE("a sequence flow's label is its name, else its condition's text", "[bpmn]") {
  auto w = wf(doc("<startEvent id=\"s\"/><exclusiveGateway id=\"g\"/><task id=\"a\"/><task id=\"b\"/><task id=\"c\"/>"
                  "<endEvent id=\"e\"/>" + flow("f0", "s", "g") + flow("f1", "g", "a", " name=\"akut\"") +
                  "<sequenceFlow id=\"f2\" sourceRef=\"g\" targetRef=\"b\" name=\"ikke akut\"><conditionExpression>"
                  "x</conditionExpression></sequenceFlow>"
                  "<sequenceFlow id=\"f3\" sourceRef=\"g\" targetRef=\"c\"><conditionExpression xmlns:xsi=\"x\">"
                  " ${alder &lt; 18} </conditionExpression></sequenceFlow>" +
                  flow("fa", "a", "e") + flow("fb", "b", "e") + flow("fc", "c", "e")));
  CHECK(label(*w, "g", "a") == "akut");
  CHECK(label(*w, "g", "b") == "ikke akut");
  CHECK(label(*w, "g", "c") == "${alder < 18}");
  CHECK_FALSE(label(*w, "s", "g"));
}

TEST_CASE("a boundary event is an XOR split of its task into the boundary's path", "[bpmn]") {
  auto w = wf(doc("<startEvent id=\"s\"/><task id=\"t\" name=\"Behandl\"/><task id=\"rykker\"/><endEvent id=\"e\"/>"
                  "<boundaryEvent id=\"frist\" name=\"Frist overskredet\" attachedToRef=\"t\"><timerEventDefinition>"
                  "<timeDuration>P4M</timeDuration></timerEventDefinition></boundaryEvent>"
                  "<boundaryEvent id=\"fejl\" attachedToRef=\"t\"><errorEventDefinition/></boundaryEvent>" +
                  flow("f1", "s", "t") + flow("f2", "t", "e") + flow("f3", "frist", "rykker") + flow("f4", "rykker", "e") +
                  flow("f5", "fejl", "e")));
  const auto& t = step(*w, "t");
  CHECK(t.split == baton::Gate::exclusive);
  CHECK(t.duration == baton::Duration::parse("P4M"));  // the timer boundary's, as the task has none
  CHECK(targets(*w, "t") == std::vector<std::string>{"e", "frist", "fejl"});
  CHECK(label(*w, "t", "frist") == "Frist overskredet");
  CHECK(step(*w, "frist").kind == StepKind::gateway);
  CHECK(targets(*w, "frist") == std::vector<std::string>{"rykker"});

  // Parallel flows and a boundary: the normal way goes on through an AND gateway.
  auto p = wf(doc("<startEvent id=\"s\"/><task id=\"t\"/><task id=\"a\"/><task id=\"b\"/><endEvent id=\"e\"/>"
                  "<parallelGateway id=\"j\"/><boundaryEvent id=\"x\" attachedToRef=\"t\"/>" +
                  flow("f1", "s", "t") + flow("f2", "t", "a") + flow("f3", "t", "b") + flow("f4", "a", "j") +
                  flow("f5", "b", "j") + flow("f6", "j", "e") + flow("f7", "x", "e")));
  CHECK(step(*p, "t").split == baton::Gate::exclusive);
  CHECK(targets(*p, "t") == std::vector<std::string>{"x", "t_and"});
  CHECK(step(*p, "t_and").split == baton::Gate::parallel);
  CHECK(targets(*p, "t_and") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("an expanded subprocess is flattened in place, nested ones too", "[bpmn]") {
  const std::string inner = "<subProcess id=\"inner\" name=\"Indre\"><startEvent id=\"is\"/><task id=\"it\"/>"
                            "<endEvent id=\"ie\"/>" + flow("i1", "is", "it") + flow("i2", "it", "ie") + "</subProcess>";
  auto w = wf(doc("<startEvent id=\"s\"/><subProcess id=\"outer\" name=\"Ydre\"><startEvent id=\"os\" name=\"Ind\"/>"
                  "<task id=\"ot\" name=\"Ydre opgave\"/>" + inner + "<endEvent id=\"oe\" name=\"Ud\"/>" +
                  flow("o1", "os", "ot") + flow("o2", "ot", "inner") + flow("o3", "inner", "oe") +
                  "</subProcess><task id=\"after\"/><endEvent id=\"e\"/>" +
                  flow("f1", "s", "outer") + flow("f2", "outer", "after") + flow("f3", "after", "e")));
  CHECK_FALSE(w->find_step("outer"));
  CHECK_FALSE(w->find_step("inner"));
  CHECK(targets(*w, "s") == std::vector<std::string>{"os"});
  CHECK(step(*w, "os").kind == StepKind::gateway);
  CHECK(step(*w, "os").name == "Ind");
  CHECK(targets(*w, "os") == std::vector<std::string>{"ot"});
  CHECK(targets(*w, "ot") == std::vector<std::string>{"is"});
  CHECK(targets(*w, "it") == std::vector<std::string>{"ie"});
  CHECK(targets(*w, "ie") == std::vector<std::string>{"oe"});
  CHECK(targets(*w, "oe") == std::vector<std::string>{"after"});
  CHECK(step(*w, "it").kind == StepKind::task);

  // No start event inside, two nodes without incoming flows: one AND routing point.
  auto implicit = wf(doc("<startEvent id=\"s\"/><subProcess id=\"sp\"><task id=\"a\"/><task id=\"b\"/></subProcess>"
                         "<endEvent id=\"e\"/>" + flow("f1", "s", "sp") + flow("f2", "sp", "e")));
  CHECK(targets(*implicit, "s") == std::vector<std::string>{"sp"});
  CHECK(step(*implicit, "sp").split == baton::Gate::parallel);
  CHECK(targets(*implicit, "sp") == std::vector<std::string>{"a", "b"});
  CHECK(targets(*implicit, "a") == std::vector<std::string>{"sp_end"});
  CHECK(targets(*implicit, "sp_end") == std::vector<std::string>{"e"});

  // A subprocess drawn collapsed is one task, whatever it holds.
  const std::string shape = "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement=\"p\"><bpmndi:BPMNShape bpmnElement=\"sp\" "
                            "isExpanded=\"false\"><dc:Bounds x=\"0\" y=\"0\" width=\"10\" height=\"10\"/>"
                            "</bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>";
  auto collapsed = wf(doc("<startEvent id=\"s\"/><subProcess id=\"sp\" name=\"Samlet\"><task id=\"a\"/></subProcess>"
                          "<endEvent id=\"e\"/>" + flow("f1", "s", "sp") + flow("f2", "sp", "e"), shape));
  CHECK(step(*collapsed, "sp").kind == StepKind::task);
  CHECK_FALSE(collapsed->find_step("a"));
}

namespace {
const std::string lanes_body =
    "<laneSet id=\"ls\">"
    "<lane id=\"modtagelse\" name=\"Modtagelsen\"><flowNodeRef>s</flowNodeRef><flowNodeRef>a</flowNodeRef></lane>"
    "<lane id=\"myndighed\" name=\"Myndighed\"><childLaneSet id=\"cls\">"
    "<lane id=\"raadgiver\" name=\"rådgiver\"><flowNodeRef>b</flowNodeRef></lane>"
    "<lane id=\"leder\" name=\"leder\"><flowNodeRef>c</flowNodeRef></lane></childLaneSet></lane>"
    "</laneSet>"
    "<startEvent id=\"s\"/><task id=\"a\"/><task id=\"b\"/><task id=\"c\"/><task id=\"d\"/><endEvent id=\"e\"/>" +
    flow("f1", "s", "a") + flow("f2", "a", "b") + flow("f3", "b", "c") + flow("f4", "c", "d") + flow("f5", "d", "e");

std::string shape(const std::string& id, int x, int y, int w, int h) {
  return "<bpmndi:BPMNShape bpmnElement=\"" + id + "\"><dc:Bounds x=\"" + std::to_string(x) + "\" y=\"" +
         std::to_string(y) + "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
         "\"/></bpmndi:BPMNShape>";
}
}  // namespace

TEST_CASE("lanes are teams; nested lanes are roles of the outer lane's team", "[bpmn]") {
  auto w = wf(doc(lanes_body));
  REQUIRE(w->teams().size() == 2);
  CHECK(w->teams()[0] == baton::Team{"modtagelse", "Modtagelsen", {}});
  CHECK(w->teams()[1] == baton::Team{"myndighed", "Myndighed", {"rådgiver", "leder"}});
  CHECK(team_of(*w, "s") == "modtagelse");
  CHECK(team_of(*w, "a") == "modtagelse");
  CHECK_FALSE(step(*w, "a").role);
  CHECK(team_of(*w, "b") == "myndighed");
  CHECK(step(*w, "b").role == "rådgiver");
  CHECK(step(*w, "c").role == "leder");
  CHECK(team_of(*w, "d").empty());  // in no lane, and no shape to place it by
}

TEST_CASE("a node without flowNodeRef is in the innermost lane whose shape holds its centre", "[bpmn]") {
  const std::string diagram = "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement=\"p\">" +
                              shape("modtagelse", 0, 0, 1000, 100) + shape("myndighed", 0, 100, 1000, 200) +
                              shape("raadgiver", 30, 100, 970, 100) + shape("leder", 30, 200, 970, 100) +
                              shape("d", 500, 220, 100, 60) +  // centre (550, 250): in "leder"
                              "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>";
  auto w = wf(doc(lanes_body, diagram));
  CHECK(team_of(*w, "d") == "myndighed");
  CHECK(step(*w, "d").role == "leder");
}

TEST_CASE("performers give the role, and the team where they name a lane's team; lanes win", "[bpmn]") {
  const std::string body =
      "<laneSet id=\"ls\"><lane id=\"modtagelse\" name=\"Modtagelsen\"><flowNodeRef>a</flowNodeRef>"
      "<flowNodeRef>b</flowNodeRef><flowNodeRef>c</flowNodeRef></lane>"
      "<lane id=\"ydelse\" name=\"Ydelse\"><childLaneSet><lane id=\"r\" name=\"rådgiver\"><flowNodeRef>d</flowNodeRef>"
      "</lane></childLaneSet></lane></laneSet>"
      "<startEvent id=\"s\"/>"
      "<userTask id=\"a\"><potentialOwner><resourceAssignmentExpression><formalExpression>sagsbehandler"
      "</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>"
      "<userTask id=\"b\" camunda:candidateGroups=\"visitator, leder\"/>"
      "<userTask id=\"c\"><extensionElements><zeebe:assignmentDefinition assignee=\"jurist\"/></extensionElements></userTask>"
      "<userTask id=\"d\" camunda:assignee=\"leder\"/>"
      "<userTask id=\"x\"><humanPerformer><resourceAssignmentExpression><formalExpression>Ydelse</formalExpression>"
      "</resourceAssignmentExpression></humanPerformer></userTask>"
      "<userTask id=\"y\" camunda:assignee=\"${initiator}\"/><userTask id=\"z\" camunda:assignee=\"nogen\"/>"
      "<endEvent id=\"e\"/>" +
      flow("f1", "s", "a") + flow("f2", "a", "b") + flow("f3", "b", "c") + flow("f4", "c", "d") + flow("f5", "d", "x") +
      flow("f6", "x", "y") + flow("f7", "y", "z") + flow("f8", "z", "e");
  auto r = read(doc(body));
  const Workflow& w = *r.workflow;
  CHECK(step(w, "a").role == "sagsbehandler");
  CHECK(step(w, "b").role == "visitator");
  CHECK(step(w, "c").role == "jurist");
  CHECK(step(w, "d").role == "rådgiver");  // the lane wins
  CHECK(team_of(w, "x") == "ydelse");      // names a lane's team
  CHECK_FALSE(step(w, "x").role);
  CHECK(team_of(w, "y").empty());          // an expression names nobody
  CHECK(team_of(w, "z").empty());
  CHECK_FALSE(step(w, "z").role);          // a role needs a team
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Contains("1 task performer"));
}

TEST_CASE("data object and data store references are artifacts; associations are reads and writes", "[bpmn]") {
  auto w = wf(std::string(head) + "<dataStore id=\"ds\" name=\"Sagssystemet\"/><process id=\"p\">"
              "<dataObject id=\"do\" name=\"Ansøgning\"/>"
              "<dataObjectReference id=\"r1\" dataObjectRef=\"do\"/>"
              "<dataObjectReference id=\"r2\" name=\"Ansøgningen (igen)\" dataObjectRef=\"do\"/>"
              "<dataStoreReference id=\"r3\" dataStoreRef=\"ds\"/>"
              "<startEvent id=\"s\"/><task id=\"t\"><ioSpecification><dataInput id=\"in\"/></ioSpecification>"
              "<dataInputAssociation><sourceRef>r1</sourceRef><targetRef>in</targetRef></dataInputAssociation>"
              "<dataInputAssociation><sourceRef>r2</sourceRef></dataInputAssociation>"
              "<dataOutputAssociation><targetRef>r3</targetRef></dataOutputAssociation></task><endEvent id=\"e\"/>" +
              flow("f1", "s", "t") + flow("f2", "t", "e") + "</process></definitions>");
  REQUIRE(w->artifacts().size() == 2);
  CHECK(w->artifacts()[0] == baton::Artifact{"do", "Ansøgning", "data object"});
  CHECK(w->artifacts()[1] == baton::Artifact{"ds", "Sagssystemet", "data store"});
  CHECK(step(*w, "t").reads == std::vector<baton::Index>{0});
  CHECK(step(*w, "t").writes == std::vector<baton::Index>{1});
}

TEST_CASE("ids that are no format ids are made into ones, a clash getting _2", "[bpmn]") {
  auto w = wf(doc("<startEvent id=\"s\"/><task id=\"Opgave:1\"/><task id=\"Opgave_1\"/><task id=\"Opgave æ\"/>"
                  "<endEvent id=\"e\"/>" + flow("f1", "s", "Opgave:1") + flow("f2", "Opgave:1", "Opgave_1") +
                  flow("f3", "Opgave_1", "Opgave æ") + flow("f4", "Opgave æ", "e")));
  CHECK(w->steps()[1].id == "Opgave_1");
  CHECK(w->steps()[2].id == "Opgave_1_2");
  CHECK(w->steps()[3].id == "Opgave___");
  CHECK(w->source_of("/steps/2")->element == "Opgave_1");
  CHECK(w->source_of("/steps/1")->element == "Opgave:1");
}

TEST_CASE("the process read: the only one, the one named, or the one with most flow nodes", "[bpmn]") {
  const std::string two = std::string(head) + "<process id=\"lille\"><startEvent id=\"s\"/></process>"
                          "<process id=\"stor\">" + linear + "</process></definitions>";
  auto r = read(two);
  CHECK(r.workflow->id() == "stor");
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0] == "process \"stor\" read; \"lille\" not read");
  CHECK_THAT(refusal(two, {"lille"}).message(), Contains("no end step") || Contains("\"end\""));
  CHECK_THAT(refusal(two, {"ingen"}).message(), Contains("no process has the id \"ingen\"") && Contains("\"stor\""));
  CHECK(read(doc(linear)).notes.empty());
}

TEST_CASE("baton:step carries what BPMN has no element for", "[bpmn]") {
  const std::string wf_ext =
      "<extensionElements><baton:workflow format=\"1\" id=\"born-unge\" version=\"2026.1\" language=\"da\">"
      "<baton:description>Underretninger om børn</baton:description>"
      "<baton:review lastReviewed=\"2026-01-15\" intervalDays=\"365\" owner=\"modtagelse\"/>"
      "<baton:team id=\"modtagelse\" name=\"Modtagelsen\"><baton:role>radgiver</baton:role><baton:role>leder</baton:role>"
      "</baton:team><baton:team id=\"ubrugt\" name=\"Ubrugt\"/>"
      "<baton:system id=\"sag\" name=\"Sagssystemet\"/>"
      "<baton:artifact id=\"underretning\" name=\"Underretningen\" kind=\"document\"/>"
      "<baton:template id=\"t1\" name=\"Skabelon\" system=\"sag\"/>"
      "<baton:requirement id=\"r1\" source=\"Barnets Lov § 20\" caseTypes=\"akut\"><baton:text>Screening inden 24 timer"
      "</baton:text><baton:rule type=\"response\" first=\"sel\" then=\"screening\" within=\"PT24H\"/></baton:requirement>"
      "<baton:requirement id=\"r2\" caseTypes=\"\"><baton:text>Altid</baton:text>"
      "<baton:rule type=\"existence\" steps=\"screening\"/></baton:requirement>"
      "<baton:caseType id=\"akut\" name=\"Akut\"><baton:description>Haster</baton:description>"
      "<baton:choice step=\"screening\" value=\"ja\"/></baton:caseType>"
      "<baton:followUp id=\"fu\" everyDays=\"90\" source=\"Tilsyn\"><baton:question>Holdes fristen?</baton:question>"
      "<baton:step ref=\"screening\"/></baton:followUp>"
      "</baton:workflow></extensionElements>";
  const std::string body =
      wf_ext +
      "<laneSet><lane id=\"Lane_modtagelse\" name=\"Modtagelsen\"><extensionElements><baton:lane team=\"modtagelse\"/>"
      "</extensionElements><flowNodeRef>Step_start</flowNodeRef><childLaneSet><lane id=\"Lane_r\" name=\"radgiver\">"
      "<extensionElements><baton:lane team=\"modtagelse\" role=\"radgiver\"/></extensionElements>"
      "<flowNodeRef>Step_screening</flowNodeRef></lane></childLaneSet></lane>"
      "<lane id=\"Lane_none\" name=\"Uden team\"><flowNodeRef>Step_slut</flowNodeRef></lane></laneSet>"
      "<dataObject id=\"DataObject_underretning\"/>"
      "<dataObjectReference id=\"DataObjectReference_underretning\" dataObjectRef=\"DataObject_underretning\"/>"
      "<startEvent id=\"Step_start\" name=\"Start\"><extensionElements><baton:step id=\"start\" kind=\"start\"/>"
      "</extensionElements></startEvent>"
      "<task id=\"Step_screening\" name=\"Screening\"><documentation>Vurdér alvor</documentation><extensionElements>"
      "<baton:step id=\"screening\" kind=\"control\" duration=\"P1D\">"
      "<baton:check artifact=\"underretning\" aspect=\"alvor\"/>"
      "<baton:it system=\"sag\" function=\"Journalnotat\"><baton:record artifact=\"underretning\"/></baton:it>"
      "<baton:template ref=\"t1\"/><baton:satisfies requirement=\"r1\"/><baton:tag>barnets-samtale</baton:tag>"
      "<baton:tag>sel</baton:tag><baton:logName>Screening udført</baton:logName></baton:step></extensionElements>"
      "<dataInputAssociation><sourceRef>DataObjectReference_underretning</sourceRef></dataInputAssociation></task>"
      "<exclusiveGateway id=\"Gateway_screening_split\"><extensionElements>"
      "<baton:gatewayOf step=\"screening\" side=\"split\"/></extensionElements></exclusiveGateway>"
      "<endEvent id=\"Step_slut\" name=\"Slut\"><extensionElements><baton:step id=\"slut\" kind=\"end\"/>"
      "</extensionElements></endEvent>" +
      flow("Flow_1", "Step_start", "Step_screening") + flow("Flow_2", "Step_screening", "Gateway_screening_split") +
      "<sequenceFlow id=\"Flow_3\" name=\"ja\" sourceRef=\"Gateway_screening_split\" targetRef=\"Step_slut\">"
      "<extensionElements><baton:handover><baton:how>Overdragelsesmøde</baton:how>"
      "<baton:responsible team=\"modtagelse\" role=\"leder\"/></baton:handover></extensionElements></sequenceFlow>"
      "<sequenceFlow id=\"Flow_4\" name=\"nej\" sourceRef=\"Gateway_screening_split\" targetRef=\"Step_slut_igen\">"
      "<extensionElements><baton:handover/></extensionElements></sequenceFlow>"
      "<endEvent id=\"Step_slut_igen\" name=\"Slut igen\"/>";
  auto w = wf(doc(body));
  const auto& p = w->parts();
  CHECK(p.id == "born-unge");
  CHECK(p.version == "2026.1");
  CHECK(p.language == "da");
  CHECK(p.description == "Underretninger om børn");
  REQUIRE(p.review);
  CHECK(p.review->interval_days == 365);
  CHECK(p.review->owner == 0u);
  REQUIRE(p.teams.size() == 2);  // the workflow's list, not the lanes
  CHECK(p.teams[0] == baton::Team{"modtagelse", "Modtagelsen", {"radgiver", "leder"}});
  CHECK(p.systems == std::vector<baton::System>{{"sag", "Sagssystemet"}});
  CHECK(p.artifacts == std::vector<baton::Artifact>{{"underretning", "Underretningen", "document"}});
  REQUIRE(p.templates.size() == 1);
  CHECK(p.templates[0].system == 0u);
  REQUIRE(p.requirements.size() == 2);
  CHECK(p.requirements[0].source == "Barnets Lov § 20");
  CHECK(p.requirements[0].case_types == std::vector<baton::Index>{0});
  CHECK(p.requirements[0].rule->within == baton::Duration::parse("PT24H"));
  CHECK(p.requirements[1].case_types == std::vector<baton::Index>{});  // present but empty
  CHECK(p.requirements[1].rule->type == baton::RuleType::existence);
  REQUIRE(p.case_types.size() == 1);
  CHECK(p.case_types[0].description == "Haster");
  REQUIRE(p.case_types[0].choices.size() == 1);
  REQUIRE(p.follow_up.size() == 1);
  CHECK(p.follow_up[0].every_days == 90);
  CHECK(p.follow_up[0].question == "Holdes fristen?");

  const auto& s = step(*w, "screening");
  CHECK(s.kind == StepKind::control);
  CHECK(s.description == "Vurdér alvor");
  CHECK(s.duration == baton::Duration::parse("P1D"));
  CHECK(s.checks == std::vector<baton::Control>{{0, "alvor"}});
  REQUIRE(s.it);
  CHECK(s.it->function == "Journalnotat");
  CHECK(s.it->records == std::vector<baton::Index>{0});
  CHECK(s.templates == std::vector<baton::Index>{0});
  CHECK(s.satisfies == std::vector<baton::Index>{0});
  CHECK(s.tags == std::vector<std::string>{"barnets-samtale", "sel"});
  CHECK(s.reads == std::vector<baton::Index>{0});
  CHECK(team_of(*w, "screening") == "modtagelse");
  CHECK(s.role == "radgiver");
  CHECK(team_of(*w, "slut").empty());  // the writer's lane without a team
  // The marked gateway is folded back: no step of its own, the split is the step's.
  CHECK(w->steps().size() == 4);
  CHECK(s.split == baton::Gate::exclusive);
  CHECK(targets(*w, "screening") == std::vector<std::string>{"slut", "Step_slut_igen"});
  const auto& t = w->transition(w->outgoing(*w->find_step("screening"))[0]);
  CHECK(t.label == "ja");
  REQUIRE(t.handover);
  CHECK(t.handover->how == "Overdragelsesmøde");
  CHECK(t.handover->responsible->role == "leder");
  const auto& t2 = w->transition(w->outgoing(*w->find_step("screening"))[1]);
  CHECK(t2.handover == baton::Handover{});
  CHECK(w->source_of("/requirements/0")->element == "r1");
}

TEST_CASE("baton:gatewayOf folds a join and the split gateway of a gateway step", "[bpmn]") {
  auto w = wf(doc(
      "<startEvent id=\"s\"/><task id=\"a\"/><task id=\"b\"/>"
      "<parallelGateway id=\"Gateway_t_join\"><extensionElements><baton:gatewayOf step=\"t\" side=\"join\"/>"
      "</extensionElements></parallelGateway><task id=\"Step_t\"><extensionElements><baton:step id=\"t\"/>"
      "</extensionElements></task>"
      "<parallelGateway id=\"Gateway_g\"><extensionElements><baton:step id=\"g\" kind=\"gateway\"/></extensionElements>"
      "</parallelGateway><exclusiveGateway id=\"Gateway_g_split\"><extensionElements>"
      "<baton:gatewayOf step=\"g\" side=\"split\"/></extensionElements></exclusiveGateway>"
      "<parallelGateway id=\"fork\"/><endEvent id=\"e\"/><endEvent id=\"e2\"/>" +
      flow("f1", "s", "fork") + flow("f2", "fork", "a") + flow("f3", "fork", "b") + flow("f4", "a", "Gateway_t_join") +
      flow("f5", "b", "Gateway_t_join") + flow("f6", "Gateway_t_join", "Step_t") + flow("f7", "Step_t", "Gateway_g") +
      flow("f8", "Gateway_g", "Gateway_g_split") + flow("f9", "Gateway_g_split", "e") +
      flow("f10", "Gateway_g_split", "e2")));
  CHECK(w->steps().size() == 8);
  CHECK(step(*w, "t").join == baton::Gate::parallel);
  CHECK(w->incoming(*w->find_step("t")).size() == 2);
  CHECK(step(*w, "g").kind == StepKind::gateway);
  CHECK(step(*w, "g").join == baton::Gate::parallel);
  CHECK(step(*w, "g").split == baton::Gate::exclusive);
  CHECK(targets(*w, "g") == std::vector<std::string>{"e", "e2"});
}

TEST_CASE("encodings: ISO-8859-1, Windows-1252 and UTF-16 are read, Danish letters survive", "[bpmn]") {
  const std::string dir = std::string(BATON_FIXTURES) + "/bpmn/";
  const auto utf8 = baton::read_workflow_file(dir + "underretning.bpmn").workflow;
  for (const char* f : {"underretning-latin1.bpmn", "underretning-utf16le.bpmn", "underretning-utf16be.bpmn"}) {
    INFO(f);
    const auto w = baton::read_workflow_file(dir + f).workflow;
    CHECK(step(*w, "samtale").name == "Børnesamtale");
    CHECK(w->teams()[1].name == "Myndighedsrådgivning");
    CHECK(w->steps().size() == utf8->steps().size());
    // Lines and columns are those of the text, whatever its encoding.
    CHECK(*w->source_of("/steps/3") == *utf8->source_of("/steps/3"));
  }
  const std::string cp1252 = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>" +
                             doc("<startEvent id=\"s\"/><task id=\"t\" name=\"Bel\xf8" "b \x80 \x96 \xe6\xe5\"/>"
                                 "<endEvent id=\"e\"/>" + flow("f1", "s", "t") + flow("f2", "t", "e"))
                                 .substr(std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").size());
  CHECK(step(*wf(cp1252), "t").name == "Beløb € – æå");
  CHECK_THAT(refusal("<?xml version=\"1.0\" encoding=\"EBCDIC\"?><x/>").message(), Contains("EBCDIC"));
  const LoadError bad = refusal(doc("<task id=\"t\" name=\"\xff\"/>"));
  CHECK(bad.kind() == LoadError::Kind::parse);
  CHECK_THAT(bad.message(), Contains("invalid UTF-8"));
}

TEST_CASE("files are told apart by content, not by name", "[bpmn]") {
  CHECK(baton::detect_format("  {\"baton\":1}") == baton::WorkflowFormat::json);
  CHECK(baton::detect_format("\xEF\xBB\xBF\n<definitions/>") == baton::WorkflowFormat::bpmn);
  CHECK(baton::detect_format("\xFF\xFE<\0") == baton::WorkflowFormat::bpmn);
  CHECK(baton::detect_format("") == baton::WorkflowFormat::json);
  const auto dir = std::filesystem::temp_directory_path() / "baton-bpmn-read-test";
  std::filesystem::create_directories(dir);
  const auto named_json = dir / "really-bpmn.json";
  std::ofstream(named_json, std::ios::binary) << doc(linear);
  CHECK(baton::load_workflow_file(named_json)->id() == "p");
  std::filesystem::remove_all(dir);
  CHECK(baton::load_workflow(doc(linear), "x", baton::WorkflowFormat::automatic).workflow->steps().size() == 3);
  CHECK_THROWS_AS(baton::load_workflow(doc(linear), "x", baton::WorkflowFormat::json), LoadError);
}

TEST_CASE("bad input: one line naming file, line, column and element; never half read", "[bpmn]") {
  struct Case {
    std::string name, text, place, says;
  };
  const std::vector<Case> cases = {
      {"empty", "  \n", "test.bpmn:1:1", "empty"},
      {"not XML", "<definitions>\n  <process id=\"p\">\n</definitions>", "test.bpmn:3:3", "not well-formed XML"},
      {"not BPMN", "<?xml version=\"1.0\"?>\n<pnml xmlns=\"http://www.pnml.org/version-2009/grammar/pnml\"/>",
       "test.bpmn:2:1", "not a BPMN 2.0 file"},
      {"no process", std::string(head) + "</definitions>", "test.bpmn:2:1", "holds no process"},
      {"no start event", doc("<task id=\"t\"/>"), "test.bpmn:6:1", "has no start event (element \"p\")"},
      {"flow into nowhere", doc(linear + "\n" + flow("f9", "t", "ingen")), "test.bpmn:10:1",
       "sequence flow \"f9\" has the targetRef \"ingen\", which names no flow node of process \"p\" (element \"f9\")"},
      {"flow from a lane", doc("<laneSet><lane id=\"l\"/></laneSet>" + linear + "\n" + flow("f9", "l", "t")),
       "test.bpmn:10:1", "a <lane>, which is no flow node baton reads"},
      {"lane lists an unknown node",
       doc("<laneSet>\n<lane id=\"l\"><flowNodeRef>ingen</flowNodeRef></lane></laneSet>" + linear), "test.bpmn:8:1",
       "lane \"l\" lists \"ingen\", which is no flow node of process \"p\" (element \"l\")"},
      {"duplicate id", doc(linear + "\n<task id=\"t\"/>"), "test.bpmn:10:1", "a second element has the id \"t\""},
      {"no id", doc(linear + "\n<task name=\"x\"/>"), "test.bpmn:10:1", "<task> has no id"},
      {"boundary on nothing", doc(linear + "\n<boundaryEvent id=\"b\" attachedToRef=\"ingen\"/>"), "test.bpmn:10:1",
       "boundary event \"b\" is attached to \"ingen\""},
      {"end with an outgoing flow (the loader's rule, told at the flow)", doc(linear + "\n" + flow("f9", "e", "t")),
       "test.bpmn:10:1", "end step \"e\" cannot have an outgoing transition (element \"f9\")"},
      {"two flows between the same nodes", doc(linear + "\n" + flow("f9", "t", "e")), "test.bpmn:10:1",
       "a second transition from \"t\" to \"e\" (element \"f9\")"},
      {"bad baton duration (the loader's rule, told at the task)",
       doc("<startEvent id=\"s\"/>\n<task id=\"t\"><extensionElements><baton:step duration=\"soon\"/>"
           "</extensionElements></task><endEvent id=\"e\"/>" + flow("f1", "s", "t") + flow("f2", "t", "e")),
       "test.bpmn:8:1", "\"soon\" is not an ISO 8601 duration such as \"PT24H\" or \"P4M\" (element \"t\")"},
      {"unknown baton format", doc("<extensionElements>\n<baton:workflow format=\"2\"/></extensionElements>" + linear),
       "test.bpmn:8:1", "baton:workflow format \"2\" is not read"},
      {"baton:lane names a team the workflow lacks",
       doc("<extensionElements><baton:workflow format=\"1\"/></extensionElements><laneSet>\n<lane id=\"l\">"
           "<extensionElements><baton:lane team=\"ingen\"/></extensionElements></lane></laneSet>" + linear),
       "test.bpmn:8:1", "baton:lane names the team \"ingen\""},
      {"gatewayOf names no step",
       doc(linear + "\n<exclusiveGateway id=\"g\"><extensionElements><baton:gatewayOf step=\"ingen\" side=\"split\"/>"
                    "</extensionElements></exclusiveGateway>" + flow("f9", "t", "g")),
       "test.bpmn:10:1", "baton:gatewayOf names the step \"ingen\""},
      {"DOCTYPE with an entity bomb",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
       "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n" +
           doc("<startEvent id=\"s\" name=\"&d;\"/>").substr(39),
       "test.bpmn:2:1", "a DOCTYPE is not read"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const LoadError e = refusal(c.text);
    CHECK(e.place() == c.place);
    CHECK_THAT(e.message(), Contains(c.says));
    CHECK(std::string(e.what()).find('\n') == std::string::npos);
    CHECK(e.pointer().empty());
  }
  // An external entity is never fetched: undeclared, it stays text as written.
  const auto w = wf(doc("<startEvent id=\"s\" name=\"&xxe;\"/><task id=\"t\"/><endEvent id=\"e\"/>" + flow("f1", "s", "t") +
                        flow("f2", "t", "e")));
  CHECK(step(*w, "s").name == "&xxe;");
}

TEST_CASE("findings on a BPMN file carry the element, line and column", "[bpmn]") {
  auto w = wf(doc("<startEvent id=\"s\"/>\n  <task id=\"opgave\" name=\"Opgave\"/>\n<task id=\"blind\" name=\"Blindgyde\"/>"
                  "<endEvent id=\"e\"/>" + flow("f1", "s", "opgave") + flow("f2", "opgave", "e") +
                  flow("f3", "opgave", "blind", " name=\"x\"")));
  auto findings = baton::test::run_check(*w, "dead-end");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].element == "blind");
  CHECK(findings[0].line == 9);
  CHECK(findings[0].column == 1);
  CHECK(findings[0].pointer == "/steps/2");
  CHECK(w->source_of("/transitions/1")->element == "f2");
  CHECK(w->source_of("/steps/1")->line == 8);
  CHECK(w->source_of("/steps/1")->column == 3);
  CHECK(w->source_of("")->element == "p");
}

// --- the MIWG reference models ------------------------------------------------

namespace {

struct Expected {
  std::size_t steps, transitions;
  std::vector<std::string> names;                        // some step names
  std::map<std::string, std::vector<std::string>> lanes;  // team name -> names of some of its steps
  std::vector<std::string> notes_say;
};

std::string miwg(const std::string& name) { return std::string(BATON_MIWG) + "/" + name + ".bpmn"; }

std::vector<std::string> team_names(const Workflow& w) {
  std::vector<std::string> out;
  for (const auto& t : w.teams()) out.push_back(t.name);
  return out;
}

void check_read(const std::string& file, const Expected& x, const baton::BpmnReadOptions& options = {}) {
  INFO(file);
  const baton::WorkflowRead r = baton::load_bpmn(file_text(miwg(file)), file, options);
  const Workflow& w = *r.workflow;
  CHECK(w.steps().size() == x.steps);
  CHECK(w.transitions().size() == x.transitions);
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& s : w.steps()) {
    if (s.team) members[w.teams()[*s.team].name].push_back(s.name);
  }
  for (const std::string& name : x.names) {
    INFO(name);
    CHECK(std::any_of(w.steps().begin(), w.steps().end(), [&](const baton::Step& s) { return s.name == name; }));
  }
  std::vector<std::string> lanes;
  for (const auto& [team, names] : x.lanes) lanes.push_back(team);
  auto teams = team_names(w);
  std::sort(teams.begin(), teams.end());
  CHECK(teams == lanes);
  for (const auto& [team, names] : x.lanes)
    for (const std::string& name : names) {
      INFO(team << " holds " << name);
      CHECK(std::count(members[team].begin(), members[team].end(), name) == 1);
    }
  REQUIRE(r.notes.size() == x.notes_say.size());
  for (std::size_t i = 0; i < r.notes.size(); ++i) CHECK_THAT(r.notes[i], Contains(x.notes_say[i]));
}

}  // namespace

TEST_CASE("MIWG: every reference model is read, or refused for its reason", "[bpmn][miwg]") {
  REQUIRE(std::filesystem::is_directory(BATON_MIWG));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(BATON_MIWG)) files += entry.path().extension() == ".bpmn";
  CHECK(files == 21);  // a new file needs its own expectations below

  check_read("A.1.0", {5, 4, {"Start Event", "Task 1", "Task 2", "Task 3", "End Event"}, {}, {}});
  check_read("A.2.0", {8, 9, {"Task 4", "Gateway\n(Split Flow)", "Gateway\n(Merge Flows)"}, {}, {}});
  check_read("A.2.1", {8, 11, {"Task 4", "Gateway\r\n(Split Flow)"}, {}, {}});
  check_read("A.3.0", {10, 10, {"Collapsed\nSub-Process", "Boundary Intermediate Event Interrupting Escalation"}, {}, {}});
  check_read("A.4.0", {11, 10, {"Task 6", "Start Event 3", "End Event 4"},
                       {{"Lane 1", {"Start Event 2", "Task 3", "Task 4", "Task 5", "End Event 2"}},
                        {"Lane 2", {"Task 6", "End Event 5"}}},
                       {"process \"WFP-6-2\" read; \"WFP-6-1\" not read"}});
  check_read("A.4.1", {11, 10, {"Task 6 "},
                       {{"Lane 2 ", {"Start Event 2 ", "Task 3 ", "Task 4 ", "Task 5 ", "End Event 2 "}},
                        {"Lane 3", {"Task 6 ", "End Event 5 "}}},
                       {"not read"}});
  check_read("B.1.0", {17, 18, {"Call Activity Calling a Global Task", "Collapsed Sub-Process", "Parallel Gateway Divergence"},
                       {{"Lane 1", {"Start Event\nMessage", "Call Activity Collapsed", "End Event Message"}},
                        {"Lane 2", {"User Task 5", "Service Task 7", "Abstract Task 6", "End Event Terminate"}}},
                       {"\"WFP-6-1\", \"WFP-0-\" not read"}});
  {
    const LoadError e = [] {
      try {
        baton::load_bpmn(file_text(miwg("B.2.0")), "B.2.0.bpmn");
      } catch (const LoadError& e) {
        return e;
      }
      FAIL("B.2.0 was read");
      throw;
    }();
    INFO("B.2.0 holds inclusive gateways, which the format cannot say");
    CHECK(e.place() == "B.2.0.bpmn:436:9");
    CHECK_THAT(e.message(), Contains("inclusive gateway"));
  }
  // Two pools: the Team-Assistant's has one flow node more than the engine's.
  check_read("C.1.0", {11, 10, {"Scan Invoice", "Archive\noriginal", "7 days"},
                       {{"sid-744AEFB3-C93D-46A3-8976-EFA91784A51F", {"Scan Invoice", "Assign approver"}}},
                       {"\"bpmn-miwg-test-case-c.1.0\" not read"}});
  check_read("C.1.0", {10, 10, {"Approve Invoice", "Rechnung klären"},
                       {{"Accountant", {"Prepare\r\nBank\r\nTransfer", "Archive\nInvoice"}},
                        {"Approver", {"Approve Invoice"}},
                        {"Team Assistant", {"Assign\nApprover", "Rechnung klären", "Invoice\nreceived"}}},
                       {"not read"}},
             {"bpmn-miwg-test-case-c.1.0"});
  check_read("C.1.1", {10, 10, {"Rechnung klären", "Prepare\r\nBank\r\nTransfer"}, {}, {"4 task performer(s) not read"}});
  check_read("C.2.0", {16, 18, {"Add Item to Cart", "Pay Order", "Retry?", "Browse Products on Amazon"}, {},
                       {"\"WFP-Page_1-1\", \"WFP-Page_1-2\", \"WFP-Page_1-4\" not read"}});
  check_read("C.3.0", {14, 17, {"Analyse customer request", "Perform repair (premium level)", "2 hours"}, {},
                       {"1 task performer(s) not read"}});
  check_read("C.4.0", {23, 26, {"Send \ncandidate Contract", "Compile welcome package"},
                       {{"HR Department", {"Candidate accepted offer", "Register for medical insurance"}},
                        {"Responsible Department", {"Introduce new employee to the team", "End Event"}}},
                       {"not read"}});
  check_read("C.5.0", {31, 34, {"Interview customer", "Data complete?"},
                       {{"Corporate Account Manager", {"End business relation", "Business relation ended"}},
                        {"Head of Market Service", {"Reject customer request"}},
                        {"Private Customer Account Manager", {"Interview customer", "Perform risk assessment of the customer"}}},
                       {"not read"}});
  check_read("C.6.0", {32, 31, {"Book Hotel", "Cancel Hotel", "24 Hours"}, {}, {"event subprocess"}});
  check_read("C.7.0", {11, 12, {"Approve advertisement"},
                       {{"Hiring manager", {"Job \nvacancy", "Write \ndescription", "Approve advertisement"}},
                        {"Recruitment", {"Complete advertisement", "Vacancy \nadvertised"}}},
                       {}});
  check_read("C.8.0", {18, 17, {"Vacation Request Received", "Manually Approve Vacation"}, {}, {}});
  check_read("C.8.1", {18, 17, {"Vacation Request Received", "Manually Approve Vacation"}, {}, {"1 task performer"}});
  check_read("C.9.0", {15, 16, {"Manual Check", "Report fraud", "Get credit score"}, {},
                       {"event subprocess", "event subprocess"}});
  check_read("C.9.1", {10, 9, {"Request document", "Wait for answer", "1 week"}, {}, {}});
  check_read("C.9.2", {5, 4, {"Decide on application", "Timeout (7 days)"}, {},
                       {"event subprocess", "event subprocess", "event subprocess", "1 task performer"}});
}

TEST_CASE("MIWG: durations of timers and the ISO-8859-1 files' text", "[bpmn][miwg]") {
  const auto c91 = baton::load_bpmn(file_text(miwg("C.9.1")), "C.9.1").workflow;
  const auto wait = std::find_if(c91->steps().begin(), c91->steps().end(),
                                 [](const baton::Step& s) { return s.name == "Wait for answer"; });
  REQUIRE(wait != c91->steps().end());
  CHECK(wait->duration == baton::Duration::parse("P7D"));
  const auto a40 = baton::load_bpmn(file_text(miwg("A.4.0")), "A.4.0").workflow;  // declared ISO-8859-1
  const auto task3 = std::find_if(a40->steps().begin(), a40->steps().end(),
                                  [](const baton::Step& s) { return s.name == "Task 3"; });
  REQUIRE(task3 != a40->steps().end());
  CHECK(task3->split == baton::Gate::parallel);
}
