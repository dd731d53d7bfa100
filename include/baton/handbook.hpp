// The handbook (shared/spec/handbook.md, baton doc): a self-contained folder
// of pages every team reads: the front page, the whole way of working with
// its swimlane diagram, a page per case type, per team ("Dit arbejde"), per
// requirement, the findings, and with an old version what changes. HTML
// (styles and diagrams inside, no scripts, print style sheet) or Markdown
// with the same content.
#pragma once

#include <baton/check.hpp>
#include <baton/lang.hpp>
#include <baton/model.hpp>

#include <string>
#include <vector>

namespace baton {

enum class HandbookForm { html, markdown };

struct HandbookPage {
  std::string file;   // "index.html", "team-myndighed.md", ...
  std::string title;
  std::string text;   // the whole file
};

struct HandbookOptions {
  std::optional<Lang> lang;               // empty: the workflow's `language`
  HandbookForm form = HandbookForm::html;
  const Workflow* old = nullptr;          // with an old version: the changes
  CheckOptions checks;                    // how the findings are found (today, ...)
};

// Every page, the front page first. File names come from ids, which are ASCII.
std::vector<HandbookPage> handbook_pages(const Workflow& workflow, const HandbookOptions& options = {});

// The swimlane diagram of `steps` (all when empty) and the transitions
// between them, as SVG laid out by lay_out_swimlanes (layout.hpp): one lane
// per team (roles as sub-lanes), handovers between lanes drawn thick and
// dashed, gateways as diamonds, each step linked to `link_prefix` + "step-" + id.
std::string swimlane_svg(const Workflow& workflow, const std::vector<Index>& steps, Lang lang,
                         const std::string& link_prefix);

// Writes the pages into `folder` (made if missing). Throws std::runtime_error
// naming the file that could not be written.
void write_handbook(const Workflow& workflow, const std::string& folder, const HandbookOptions& options = {});

}  // namespace baton
