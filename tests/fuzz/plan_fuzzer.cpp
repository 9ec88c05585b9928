// libFuzzer target: arbitrary bytes through the loader, the calculation,
// every output format (html included) with every analysis option, and
// record's edit path. Crashes, sanitizer reports and broken invariants are
// findings: output that is not UTF-8, JSON that does not parse, terminal
// controls in csv, impossible counts, an edit that changes bytes outside the
// edited line.
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "compute.hpp"
#include "diagnostic.hpp"
#include "forecast.hpp"
#include "json_parser.hpp"
#include "load.hpp"
#include "plan_edit.hpp"
#include "plan_file.hpp"
#include "render.hpp"
#include "utf8.hpp"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

// No C0/C1 control or bidi control raw in the text (line breaks and, for the
// table's colours, ESC allowed when asked).
bool inert(const std::string& out, bool allow_newlines) {
    for (std::size_t i = 0; i < out.size();) {
        const char32_t c = ontrack::next_code_point(out, i);
        if (allow_newlines && (c == '\n')) continue;
        if (ontrack::is_unsafe_code_point(c)) return false;
    }
    return true;
}

void check_report(const ontrack::Report& report) {
    require(report.covered >= 0 && report.covered <= report.total);
    for (const auto& m : report.milestones)
        require(m.shortfall >= 0 && m.covered >= 0 && m.covered <= report.total && m.required <= report.total);
}

void check_output(const std::string& out, ontrack::Format f) {
    require(!ontrack::find_invalid_utf8(out));
    if (f == ontrack::Format::json) require(ontrack::test::is_strict_json(out));
    // The csv goes into spreadsheets: no control character but the line ends.
    if (f == ontrack::Format::csv) require(inert(out, true));
}

void render_everything(const ontrack::Plan& plan, ontrack::Date as_of) {
    using namespace ontrack;
    std::vector<AnalysisRequest> requests;
    AnalysisRequest base;
    base.as_of = as_of;
    requests.push_back(base);
    AnalysisRequest all = base;
    all.forecast = all.explain = all.chart = true;
    requests.push_back(all);
    for (ByField by : {ByField::kind, ByField::id, ByField::name}) {
        AnalysisRequest r = base;
        r.by = by;
        requests.push_back(r);
    }
    for (ListKind list : {ListKind::uncovered, ListKind::overdue, ListKind::revoked, ListKind::covered}) {
        AnalysisRequest r = base;
        r.list = list;
        requests.push_back(r);
    }
    AnalysisRequest since = all;
    since.since = add_months(as_of, -13);
    requests.push_back(since);
    for (const AnalysisRequest& request : requests) {
        const Analysis a = analyse(plan, request);
        check_report(a.report);
        for (Format f : {Format::table, Format::json, Format::csv, Format::markdown, Format::html}) {
            const std::string out = render({a}, f, RenderOptions{false});
            check_output(out, f);
        }
    }
    // Two plans: the roll-up.
    const Analysis a = analyse(plan, base);
    for (Format f : {Format::table, Format::json, Format::csv, Format::markdown})
        check_output(render({a, a}, f, RenderOptions{false}), f);
}

// The forecast, its explanation and the chart at as-of days picked from the
// input, always with the calendar's edges (0001-01-01, 0001-01-02,
// 9999-12-31), windows of 1, 12 and 1200 months and one picked too, and the
// table at a terminal width picked too (its wrapping cuts text).
void forecast_at_random_days(const ontrack::Plan& plan, const std::string& text) {
    using namespace ontrack;
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a of the input
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    const std::int32_t first = Date::from_ymd(1, 1, 1).days, last = Date::from_ymd(9999, 12, 31).days;
    const Date picked{first + static_cast<std::int32_t>(h % static_cast<std::uint64_t>(last - first + 1))};
    const int window = 1 + static_cast<int>((h >> 24) % max_window_months);
    RenderOptions narrow{false};
    narrow.terminal_width = 20 + static_cast<std::size_t>((h >> 48) % 100);
    for (Date day : {Date{first}, Date{first + 1}, Date{last}, picked})
        for (int months : {1, 12, 1200, window}) {
            AnalysisRequest r;
            r.as_of = day;
            r.window_months = months;
            r.forecast = r.explain = r.chart = true;
            const Analysis a = analyse(plan, r);
            check_report(a.report);
            for (Format f : {Format::table, Format::json, Format::csv, Format::markdown, Format::html})
                check_output(render({a}, f, RenderOptions{false}), f);
            check_output(render({a}, Format::table, narrow), Format::table);
        }
}

// record's edit: the first locality certified, revoked and planned on a day;
// the new text differs from the old within one line of the old only.
void edit_first(const std::string& text, const ontrack::Plan& plan) {
    using namespace ontrack;
    if (plan.localities.empty()) return;
    const Locality& first = plan.localities.front();
    for (EditKind kind : {EditKind::certified, EditKind::revoked, EditKind::planned}) {
        EditRequest request;
        if (first.id.empty())
            request.name = first.name;
        else
            request.id = first.id;
        request.kind = kind;
        request.date = *parse_iso_date("2026-03-01");
        try {
            const EditResult result = add_event(text, "fuzz.toml", request);
            require(!find_invalid_utf8(result.text) && !find_invalid_utf8(result.summary));
            std::size_t head = 0;
            while (head < text.size() && head < result.text.size() && text[head] == result.text[head]) ++head;
            std::size_t tail = 0;
            while (tail < text.size() - head && tail < result.text.size() - head &&
                   text[text.size() - 1 - tail] == result.text[result.text.size() - 1 - tail])
                ++tail;
            // The old bytes replaced lie inside one line.
            const std::string_view replaced = std::string_view(text).substr(head, text.size() - head - tail);
            require(replaced.find('\n') == std::string_view::npos);
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) {
                require(d.line >= 1 && d.column >= 1);
                require(!find_invalid_utf8(format_diagnostic(d)));
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "fuzz.toml";
    // A roll-up's parts are files found with glob(3): not the fuzzer's to
    // wander the file system for (roll-ups are tested in tests/load/rollup_test.cpp).
    if (text.find("parts") != std::string::npos) return 0;
    try {
        ontrack::check_plan_text(file, text);
        const ontrack::Plan plan = ontrack::parse_plan(text, file);
        for (const char* day : {"2025-06-30", "2027-12-31", "9999-12-31"}) {
            const ontrack::Report report = ontrack::compute_report(plan, *ontrack::parse_iso_date(day));
            check_report(report);
            for (ontrack::Format f :
                 {ontrack::Format::table, ontrack::Format::json, ontrack::Format::csv, ontrack::Format::markdown}) {
                const std::string out = ontrack::render(report, f, ontrack::RenderOptions{true});
                require(!ontrack::find_invalid_utf8(out));
            }
        }
        render_everything(plan, *ontrack::parse_iso_date("2026-06-30"));
        forecast_at_random_days(plan, text);
        edit_first(text, plan);
    } catch (const ontrack::InputError& e) {
        require(!e.diagnostics().empty());
        for (const auto& d : e.diagnostics()) {
            require(d.line >= 1 && d.column >= 1);
            require(!ontrack::find_invalid_utf8(ontrack::format_diagnostic(d)));
        }
    }
    return 0;
}
