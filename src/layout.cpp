// Swimlane layout on Graphviz's C API, in the two passes that
// shared/notes/swimlanes.md measured: `dot` decides each node's column (rank)
// and its order within the column; this file only turns columns into x and
// lanes into horizontal bands of y; `nop2` with splines=ortho then routes the
// edges between the pinned nodes (in a child process, see
// isolated_ortho_routes), splines=line draws the straight ones.
#include <baton/layout.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <graphviz/gvc.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace baton {
namespace {

// Spacing in points. The column gap leaves room for orthogonal edge channels
// and a short edge label; the lane header is the strip on the left of each
// lane (and of each sub-lane) where the renderer writes the lane's name.
constexpr double column_gap = 80;
constexpr double stack_gap = 30;     // between nodes stacked in one lane and column
constexpr double lane_padding = 20;  // above and below the nodes of a lane
constexpr double min_lane_height = 60;
constexpr double lane_header = 30;
constexpr double margin = 20;  // right of the last column, left of the first

// --- Graphviz, wrapped so that every path frees what it made ----------------

// Graphviz keeps global state (its error hook, its memory of the last error,
// the layout plugins' statics) and is not thread-safe.
std::mutex graphviz_mutex;
std::string graphviz_messages;  // guarded by graphviz_mutex

int collect_message(char* message) {
  graphviz_messages += message;
  return 0;
}

// While alive: Graphviz's errors go to graphviz_messages instead of stderr,
// warnings are dropped; the host's own hook and level come back afterwards.
class MessageCapture {
 public:
  MessageCapture() : previous_hook_(agseterrf(collect_message)), previous_level_(agseterr(AGERR)) {
    graphviz_messages.clear();
  }
  ~MessageCapture() {
    agseterrf(previous_hook_);
    agseterr(previous_level_);
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

 private:
  agusererrf previous_hook_;
  agerrlevel_t previous_level_;
};

[[noreturn]] void fail(const std::string& what) {
  std::string message = "swimlane layout: " + what;
  std::string detail = graphviz_messages;
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  for (char& c : detail)
    if (c == '\n') c = ' ';
  if (!detail.empty()) message += " (Graphviz: " + detail + ")";
  throw std::runtime_error(message);
}

// One context for the process, made on first use and never freed: Graphviz
// 2.43 keeps pointers into the plugin configuration it reads in gvContext
// and cannot free that text, so a context per call would leak it each time.
GVC_t* context() {
  static GVC_t* gvc = nullptr;  // guarded by graphviz_mutex
  if (!gvc) gvc = gvContext();
  if (!gvc) fail("Graphviz could not start");
  return gvc;
}

// A graph and, once gvLayout succeeded on it, its layout; freed in that order.
class Graph {
 public:
  Graph(GVC_t* gvc, const char* name) : gvc_(gvc), g_(agopen(const_cast<char*>(name), Agdirected, nullptr)) {
    if (!g_) fail("Graphviz could not make a graph");
  }
  ~Graph() {
    if (laid_out_) {
      // Graphviz 2.43's nop layouts never free their node list; taking it
      // here is safe, as its own cleanup frees the list only where it exists.
      std::free(GD_neato_nlist(g_));
      GD_neato_nlist(g_) = nullptr;
      gvFreeLayout(gvc_, g_);
    }
    agclose(g_);
  }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  Agraph_t* get() const { return g_; }
  void lay_out(const char* engine) {
    if (gvLayout(gvc_, g_, engine) != 0) fail(std::string("Graphviz's '") + engine + "' layout failed");
    laid_out_ = true;
  }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool laid_out_ = false;
};

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}
// Graph-wide defaults, declared once instead of set on every object.
void set_default(Agraph_t* g, int kind, const char* name, const char* value) {
  agattr(g, kind, const_cast<char*>(name), const_cast<char*>(value));
}

std::string number(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", v);
  return text;
}
std::string inches(double points) { return number(points / 72.0); }

// Both passes see the same nodes and edges; nodes are named by index, as
// input ids need not be unique or Graphviz-safe. Labels stay empty: sizes
// are given, and Graphviz measuring text would only cost time.
struct Built {
  std::vector<Agnode_t*> nodes;
  std::vector<Agedge_t*> edges;
};
// `keep` (when given) leaves out the nodes it marks false; their entry in
// Built::nodes is null, and no edge may touch them.
Built add_nodes_and_edges(Agraph_t* g, const LayoutInput& input, const std::vector<LayoutEdge>& edges,
                          const std::vector<bool>* keep = nullptr) {
  set_default(g, AGNODE, "shape", "box");
  set_default(g, AGNODE, "fixedsize", "true");
  set_default(g, AGNODE, "label", "");
  set_default(g, AGNODE, "width", "1");
  set_default(g, AGNODE, "height", "1");
  Built built;
  built.nodes.reserve(input.nodes.size());
  for (std::size_t i = 0; i < input.nodes.size(); ++i) {
    if (keep && !(*keep)[i]) {
      built.nodes.push_back(nullptr);
      continue;
    }
    const std::string name = "n" + std::to_string(i);
    Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 1);
    if (!n) fail("Graphviz could not make node " + std::to_string(i));
    set(n, "width", inches(input.nodes[i].width));
    set(n, "height", inches(input.nodes[i].height));
    built.nodes.push_back(n);
  }
  built.edges.reserve(edges.size());
  for (const LayoutEdge& e : edges) {
    Agedge_t* edge = agedge(g, built.nodes[e.from], built.nodes[e.to], nullptr, 1);
    if (!edge) fail("Graphviz could not make an edge");
    built.edges.push_back(edge);
  }
  return built;
}

// --- checking the input -------------------------------------------------------

std::string lane_name(const LayoutInput& in, std::size_t l) { return "lane '" + in.lanes[l].id + "'"; }

void check_input(const LayoutInput& in) {
  for (std::size_t l = 0; l < in.lanes.size(); ++l) {
    // Walking up from every lane finds an out-of-range parent and any cycle.
    std::size_t at = l, steps = 0;
    while (const auto parent = in.lanes[at].parent) {
      if (*parent >= in.lanes.size())
        throw std::runtime_error("swimlane layout: " + lane_name(in, at) + " has parent " + std::to_string(*parent) +
                                 ", but there are only " + std::to_string(in.lanes.size()) + " lanes");
      if (++steps > in.lanes.size())
        throw std::runtime_error("swimlane layout: " + lane_name(in, l) + " is its own ancestor");
      at = *parent;
    }
  }
  for (const LayoutNode& n : in.nodes) {
    if (n.lane >= in.lanes.size())
      throw std::runtime_error("swimlane layout: node '" + n.id + "' is in lane " + std::to_string(n.lane) +
                               ", but there are only " + std::to_string(in.lanes.size()) + " lanes");
    if (!(std::isfinite(n.width) && std::isfinite(n.height) && n.width > 0 && n.height > 0 && n.width < 1e5 &&
          n.height < 1e5))
      throw std::runtime_error("swimlane layout: node '" + n.id + "' has size " + number(n.width) + " x " +
                               number(n.height) + "; both must be positive and below 100000 points");
  }
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    const LayoutEdge& e = in.edges[i];
    if (e.from >= in.nodes.size() || e.to >= in.nodes.size())
      throw std::runtime_error("swimlane layout: edge " + std::to_string(i) + " joins nodes " +
                               std::to_string(e.from) + " and " + std::to_string(e.to) + ", but there are only " +
                               std::to_string(in.nodes.size()) + " nodes");
  }
}

// --- pass 1: columns and order ------------------------------------------------

struct Place {
  std::size_t column = 0;
  double order = 0;  // smaller is higher up within the column
};

// The edges `dot` ranks by: each back edge of a depth-first search in input
// order turned round, self-loops left out. That is the choice dot's own
// cycle breaking makes, made here because Graphviz 2.43 leaks the edges it
// turns round itself.
std::vector<LayoutEdge> acyclic_edges(const LayoutInput& input) {
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;
  Digraph graph(input.nodes.size());
  for (std::size_t i = 0; i < input.edges.size(); ++i)
    boost::add_edge(input.edges[i].from, input.edges[i].to, i, graph);
  std::vector<bool> back(input.edges.size(), false);
  struct BackEdges : boost::default_dfs_visitor {
    std::vector<bool>* back;
    void back_edge(Digraph::edge_descriptor e, const Digraph& g) const {
      (*back)[boost::get(boost::edge_index, g, e)] = true;
    }
  } visitor;
  visitor.back = &back;
  boost::depth_first_search(graph, boost::visitor(visitor));
  std::vector<LayoutEdge> out;
  for (std::size_t i = 0; i < input.edges.size(); ++i) {
    const LayoutEdge& e = input.edges[i];
    if (e.from == e.to) continue;
    out.push_back(back[i] ? LayoutEdge{e.to, e.from, {}} : LayoutEdge{e.from, e.to, {}});
  }
  return out;
}

std::vector<Place> columns_and_order(GVC_t* gvc, const LayoutInput& input) {
  Graph graph(gvc, "columns");
  Agraph_t* g = graph.get();
  set_default(g, AGRAPH, "rankdir", "LR");
  const Built built = add_nodes_and_edges(g, input, acyclic_edges(input));
  graph.lay_out("dot");

  // Ranks may skip numbers; columns are the ranks in use, numbered densely.
  std::vector<int> ranks;
  for (Agnode_t* n : built.nodes) ranks.push_back(ND_rank(n));
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  std::vector<Place> places;
  places.reserve(built.nodes.size());
  for (Agnode_t* n : built.nodes) {
    const auto column = static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), ND_rank(n)) - ranks.begin());
    places.push_back({column, -ND_coord(n).y});  // Graphviz's y grows upward
  }
  return places;
}

// --- bands: lanes top to bottom, nodes stacked in their lane and column -------

struct LaneTree {
  std::vector<std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  std::vector<std::size_t> depth;
  std::size_t max_depth = 0;
};

LaneTree lane_tree(const LayoutInput& in) {
  LaneTree t;
  t.children.resize(in.lanes.size());
  t.depth.resize(in.lanes.size());
  for (std::size_t l = 0; l < in.lanes.size(); ++l) {
    if (const auto p = in.lanes[l].parent)
      t.children[*p].push_back(l);
    else
      t.roots.push_back(l);
    std::size_t d = 0;
    for (auto p = in.lanes[l].parent; p; p = in.lanes[*p].parent) ++d;
    t.depth[l] = d;
    t.max_depth = std::max(t.max_depth, d);
  }
  return t;
}

class Bands {
 public:
  Bands(const LayoutInput& in, const std::vector<Place>& places, Layout& out)
      : in_(in), places_(places), out_(out), tree_(lane_tree(in)) {}

  void run() {
    std::size_t columns = 0;
    for (const Place& p : places_) columns = std::max(columns, p.column + 1);
    // Each lane's nodes per column, top to bottom in pass 1's order.
    cells_.assign(in_.lanes.size(), std::vector<std::vector<std::size_t>>(columns));
    for (std::size_t i = 0; i < in_.nodes.size(); ++i) cells_[in_.nodes[i].lane][places_[i].column].push_back(i);
    for (auto& lane : cells_)
      for (auto& cell : lane)
        std::stable_sort(cell.begin(), cell.end(),
                         [&](std::size_t a, std::size_t b) { return places_[a].order < places_[b].order; });

    // Columns as wide as their widest node, all starting right of the
    // deepest lane header, so a column lines up across every lane.
    std::vector<double> width(columns, 0.0);
    for (std::size_t i = 0; i < in_.nodes.size(); ++i)
      width[places_[i].column] = std::max(width[places_[i].column], in_.nodes[i].width);
    centre_x_.resize(columns);
    double x = static_cast<double>(tree_.max_depth + 1) * lane_header + margin;
    for (std::size_t c = 0; c < columns; ++c) {
      centre_x_[c] = x + width[c] / 2;
      x += width[c] + (c + 1 < columns ? column_gap : 0);
    }
    right_ = x + margin;

    out_.lanes.assign(in_.lanes.size(), {});
    out_.nodes.assign(in_.nodes.size(), {});
    double y = 0;
    for (std::size_t root : tree_.roots) y = place_lane(root, y);
    out_.bounds = {0, 0, right_, y};
  }

 private:
  // Stacks lane `l` from `top` down: first a band for its own nodes (a team's
  // steps that have no role), then its sub-lanes. Returns the lane's bottom.
  double place_lane(std::size_t l, double top) {
    double y = top;
    const bool has_own_nodes =
        std::any_of(cells_[l].begin(), cells_[l].end(), [](const auto& cell) { return !cell.empty(); });
    if (has_own_nodes || tree_.children[l].empty()) y = place_own_nodes(l, y);
    for (std::size_t child : tree_.children[l]) y = place_lane(child, y);
    const double x = static_cast<double>(tree_.depth[l]) * lane_header;
    out_.lanes[l] = {x, top, right_ - x, y - top};
    return y;
  }

  double place_own_nodes(std::size_t l, double top) {
    double tallest = 0;
    for (const auto& cell : cells_[l]) tallest = std::max(tallest, stack_height(cell));
    const double height = std::max(min_lane_height, tallest + 2 * lane_padding);
    for (std::size_t c = 0; c < cells_[l].size(); ++c) {
      const auto& cell = cells_[l][c];
      // Centred in the band, so a chain within one lane runs straight.
      double y = top + (height - stack_height(cell)) / 2;
      for (std::size_t i : cell) {
        const LayoutNode& n = in_.nodes[i];
        out_.nodes[i] = {centre_x_[c] - n.width / 2, y, n.width, n.height};
        y += n.height + stack_gap;
      }
    }
    return top + height;
  }

  double stack_height(const std::vector<std::size_t>& cell) const {
    double h = 0;
    for (std::size_t i : cell) h += in_.nodes[i].height;
    if (!cell.empty()) h += stack_gap * static_cast<double>(cell.size() - 1);
    return h;
  }

  const LayoutInput& in_;
  const std::vector<Place>& places_;
  Layout& out_;
  LaneTree tree_;
  std::vector<std::vector<std::vector<std::size_t>>> cells_;  // [lane][column] -> nodes
  std::vector<double> centre_x_;
  double right_ = 0;
};

// --- pass 2: edges routed between pinned nodes --------------------------------

// Graphviz returns an orthogonal route as Bezier control points along
// straight segments; the corners are the points where the direction changes.
std::vector<Point> corners(const std::vector<Point>& raw) {
  std::vector<Point> pts;
  for (const Point& p : raw)
    if (pts.empty() || std::abs(pts.back().x - p.x) > 1e-6 || std::abs(pts.back().y - p.y) > 1e-6) pts.push_back(p);
  std::vector<Point> out;
  for (const Point& p : pts) {
    if (out.size() >= 2) {
      const Point& a = out[out.size() - 2];
      const Point& b = out.back();
      const double cross = (b.x - a.x) * (p.y - b.y) - (b.y - a.y) * (p.x - b.x);
      if (std::abs(cross) < 1e-6) out.pop_back();  // b lies on the line a-p
    }
    out.push_back(p);
  }
  return out;
}

// The longest segment has the most room beside it for a label.
Point label_anchor(const std::vector<Point>& pts) {
  std::size_t best = 0;
  double longest = -1;
  for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
    const double length = std::hypot(pts[k + 1].x - pts[k].x, pts[k + 1].y - pts[k].y);
    if (length > longest) longest = length, best = k;
  }
  return {(pts[best].x + pts[best + 1].x) / 2, (pts[best].y + pts[best + 1].y) / 2};
}

// Graphviz clips a route to its node by bisection, a fraction of a point
// off the border; the interface promises the border itself.
void snap_to_border(Point& p, const Box& b) {
  p.x = std::clamp(p.x, b.x, b.x + b.width);
  p.y = std::clamp(p.y, b.y, b.y + b.height);
  const double left = p.x - b.x, right = b.x + b.width - p.x, top = p.y - b.y, bottom = b.y + b.height - p.y;
  const double nearest = std::min({left, right, top, bottom});
  if (nearest == left) p.x = b.x;
  else if (nearest == right) p.x = b.x + b.width;
  else if (nearest == top) p.y = b.y;
  else p.y = b.y + b.height;
}

// The routes of the edges `which` (indices into input.edges) between the
// pinned nodes, as Graphviz draws them with splines=`spline_kind`: its points, moved
// into the layout's coordinates, in the order Graphviz stores them.
std::vector<std::vector<Point>> graphviz_routes(GVC_t* gvc, const LayoutInput& input, const Layout& out,
                                                const std::vector<std::size_t>& which, const char* spline_kind,
                                                const std::vector<bool>* keep = nullptr) {
  std::vector<std::vector<Point>> routes(which.size());
  if (which.empty()) return routes;
  Graph graph(gvc, "routes");
  Agraph_t* g = graph.get();
  const double height = out.bounds.height;
  set(g, "bb", "0,0," + number(out.bounds.width) + "," + number(height));
  set(g, "splines", spline_kind);
  // No arrowheads: a route then ends on the node's border, not short of it.
  set_default(g, AGEDGE, "dir", "none");
  set_default(g, AGNODE, "pos", "");
  std::vector<LayoutEdge> edges;
  edges.reserve(which.size());
  for (std::size_t i : which) edges.push_back(input.edges[i]);
  const Built built = add_nodes_and_edges(g, input, edges, keep);
  std::size_t first_kept = built.nodes.size();
  for (std::size_t i = 0; i < built.nodes.size(); ++i) {
    if (!built.nodes[i]) continue;
    first_kept = std::min(first_kept, i);
    const Box& b = out.nodes[i];
    set(built.nodes[i], "pos", number(b.x + b.width / 2) + "," + number(height - (b.y + b.height / 2)) + "!");
  }
  graph.lay_out("nop2");
  // nop2 keeps the nodes' relative places but moves the drawing so its
  // corner is at the origin; the first node tells by how much.
  const Box& first = out.nodes[first_kept];
  const double shift_x = first.x + first.width / 2 - ND_coord(built.nodes[first_kept]).x;
  const double shift_y = height - (first.y + first.height / 2) - ND_coord(built.nodes[first_kept]).y;
  for (std::size_t k = 0; k < built.edges.size(); ++k) {
    const splines* spl = ED_spl(built.edges[k]);
    const LayoutEdge& e = input.edges[which[k]];
    if (!spl || spl->size < 1 || spl->list[0].size < 2)
      fail("Graphviz routed no line for edge " + std::to_string(which[k]) + " ('" + input.nodes[e.from].id +
           "' to '" + input.nodes[e.to].id + "')");
    for (int b = 0; b < spl->size; ++b)
      for (int j = 0; j < spl->list[b].size; ++j) {
        const pointf& p = spl->list[b].list[j];
        routes[k].push_back({p.x + shift_x, height - (p.y + shift_y)});
      }
  }
  return routes;
}

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// graphviz_routes with splines=ortho, run in a child process: Graphviz
// 2.43's orthogonal router fails an assertion (maze.c, chkSgraph) on some
// graphs, which would abort the host. The child sends the routes back as
// doubles (edge count, then per edge its point count and points); nullopt
// when it did not send them all.
std::optional<std::vector<std::vector<Point>>> isolated_ortho_routes(GVC_t* gvc, const LayoutInput& input,
                                                                     const Layout& out,
                                                                     const std::vector<std::size_t>& which,
                                                                     const std::vector<bool>* keep) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return std::nullopt;
  }
  if (child == 0) {
    ::close(fds[0]);
    // The assertion's message is no news for the user (the parent falls
    // back), and the host's own abort handler (a test framework's, Python's
    // faulthandler) must not report it as the host's crash.
    if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) {
      ::dup2(null, 1);
      ::dup2(null, 2);
    }
    std::signal(SIGABRT, SIG_DFL);
    int status = 1;
    try {
      const auto routes = graphviz_routes(gvc, input, out, which, "ortho", keep);
      std::vector<double> data{static_cast<double>(routes.size())};
      for (const auto& r : routes) {
        data.push_back(static_cast<double>(r.size()));
        for (const Point& p : r) data.insert(data.end(), {p.x, p.y});
      }
      if (write_all(fds[1], data.data(), data.size() * sizeof(double))) status = 0;
    } catch (...) {
    }
    ::_exit(status);  // no atexit handlers, no flushing of the host's buffers
  }
  ::close(fds[1]);
  std::vector<char> bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  // Complete data is success, whatever waitpid says (a host ignoring
  // SIGCHLD has its children reaped before we can ask).
  std::vector<double> data(bytes.size() / sizeof(double));
  if (bytes.size() % sizeof(double) != 0 || data.empty()) return std::nullopt;
  std::memcpy(data.data(), bytes.data(), bytes.size());
  std::size_t at = 0;
  const auto next = [&]() -> std::optional<double> {
    if (at >= data.size()) return std::nullopt;
    return data[at++];
  };
  if (next() != static_cast<double>(which.size())) return std::nullopt;
  std::vector<std::vector<Point>> routes(which.size());
  for (auto& r : routes) {
    const auto n = next();
    if (!n || *n < 0 || *n > static_cast<double>(data.size())) return std::nullopt;
    for (std::size_t k = 0; k < static_cast<std::size_t>(*n); ++k) {
      const auto x = next(), y = next();
      if (!x || !y) return std::nullopt;
      r.push_back({*x, *y});
    }
  }
  if (at != data.size()) return std::nullopt;
  return routes;
}

void route_edges(GVC_t* gvc, const LayoutInput& input, Layout& out) {
  out.edges.assign(input.edges.size(), {});
  out.edge_labels.assign(input.edges.size(), {});
  if (input.edges.empty()) return;
  std::vector<std::size_t> routed, straight;
  for (std::size_t i = 0; i < input.edges.size(); ++i) (input.edges[i].straight ? straight : routed).push_back(i);
  std::vector<std::vector<Point>> raw(input.edges.size());
  if (!routed.empty()) {
    auto ortho = isolated_ortho_routes(gvc, input, out, routed, nullptr);
    if (!ortho) {
      // Second try without the nodes no routed edge touches (a diagram's
      // data objects): the routes may then cross them, but stay orthogonal.
      std::vector<bool> keep(input.nodes.size(), false);
      for (std::size_t i : routed) keep[input.edges[i].from] = keep[input.edges[i].to] = true;
      if (std::count(keep.begin(), keep.end(), false) > 0) ortho = isolated_ortho_routes(gvc, input, out, routed, &keep);
    }
    if (ortho) {
      for (std::size_t k = 0; k < routed.size(); ++k) raw[routed[k]] = std::move((*ortho)[k]);
    } else {
      out.orthogonal = false;
      straight.insert(straight.end(), routed.begin(), routed.end());
      std::sort(straight.begin(), straight.end());
    }
  }
  auto lines = graphviz_routes(gvc, input, out, straight, "line");
  for (std::size_t k = 0; k < straight.size(); ++k) raw[straight[k]] = std::move(lines[k]);

  for (std::size_t i = 0; i < input.edges.size(); ++i) {
    // Graphviz may store a route from head to tail; the interface's run from source to target.
    std::vector<Point> pts = corners(raw[i]);
    if (pts.size() < 2) fail("Graphviz routed edge " + std::to_string(i) + " as a single point");
    const Box& from = out.nodes[input.edges[i].from];
    auto distance_to = [](const Point& p, const Box& b) {
      return std::hypot(p.x - (b.x + b.width / 2), p.y - (b.y + b.height / 2));
    };
    if (distance_to(pts.back(), from) < distance_to(pts.front(), from)) std::reverse(pts.begin(), pts.end());
    snap_to_border(pts.front(), from);
    snap_to_border(pts.back(), out.nodes[input.edges[i].to]);
    out.edge_labels[i] = label_anchor(pts);
    out.edges[i] = std::move(pts);
  }
}

}  // namespace

Layout lay_out_swimlanes(const LayoutInput& input) {
  check_input(input);
  Layout out;
  std::lock_guard lock(graphviz_mutex);
  MessageCapture capture;
  std::vector<Place> places;
  GVC_t* gvc = context();
  if (!input.nodes.empty()) places = columns_and_order(gvc, input);
  Bands(input, places, out).run();
  route_edges(gvc, input, out);
  return out;
}

}  // namespace baton
