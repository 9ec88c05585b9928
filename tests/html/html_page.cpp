// A stand-in for `ontrack --format html` until the CLI has it: writes the
// HTML page of one plan to stdout, with two lists as extra sections.
//   html_page PLAN AS_OF            the page
//   html_page PLAN AS_OF text W H   the text chart instead (W columns, H rows)
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "chart_data.hpp"
#include "charts.hpp"
#include "compute.hpp"
#include "diagnostic.hpp"
#include "history.hpp"
#include "load.hpp"
#include "wording.hpp"

int main(int argc, char** argv) {
    using namespace ontrack;
    if (argc != 3 && argc != 6) {
        std::cerr << "usage: html_page PLAN AS_OF [text WIDTH HEIGHT]\n";
        return 2;
    }
    const auto as_of = parse_iso_date(argv[2]);
    if (!as_of) {
        std::cerr << "html_page: bad date " << argv[2] << "\n";
        return 2;
    }
    try {
        const Plan plan = load_plan(argv[1]);
        const Report report = compute_report(plan, *as_of);
        const ChartData chart = chart_data(plan, *as_of);
        if (argc == 6) {
            std::cout << render_chart_text(chart, std::strtoul(argv[4], nullptr, 10),
                                           std::strtoul(argv[5], nullptr, 10));
            return 0;
        }
        HtmlSection ahead{"Planned after " + to_iso(*as_of), {"Locality", "Kind", "Planned"}, {}};
        std::vector<const Locality*> planned;
        for (const Locality& loc : plan.localities)
            if (const auto p = pending_plan(loc, *as_of); p && *p > *as_of && !is_drug_free_on(loc, *as_of))
                planned.push_back(&loc);
        std::stable_sort(planned.begin(), planned.end(), [&](const Locality* a, const Locality* b) {
            return *pending_plan(*a, *as_of) < *pending_plan(*b, *as_of);
        });
        for (const Locality* loc : planned) {
            const Date p = *pending_plan(*loc, *as_of);
            ahead.rows.push_back({locality_label({loc->name, loc->id, loc->kind, p}), loc->kind, to_iso(p)});
        }
        HtmlSection unplanned{"Uncovered with no plan", {"Locality", "Kind"}, {}};
        for (const LocalityRef& ref : report.unplanned) unplanned.rows.push_back({locality_label(ref), ref.kind});
        std::cout << render_html(report, chart, {ahead, unplanned});
    } catch (const InputError& e) {
        std::cerr << "html_page: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
