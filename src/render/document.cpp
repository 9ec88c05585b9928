// The report's head (title, summary lines, milestones, overdue units) and the
// order of the whole document; the analysis' own tables are composed in
// document_tables.cpp.
#include "document.hpp"

#include "document_tables.hpp"
#include "wording.hpp"

namespace ontrack {

bool is_number(ColumnKind kind) {
    return kind == ColumnKind::count || kind == ColumnKind::decimal || kind == ColumnKind::percent;
}

std::string full_header(const Column& column) {
    return column.group.empty() ? column.header : column.group + ": " + column.header;
}

Cell text_cell(std::string text) {
    Cell c;
    c.text = std::move(text);
    return c;
}

Cell count_cell(std::int64_t n, Lang lang) {
    Cell c;
    c.text = Words(lang).count(n);
    c.count = n;
    return c;
}

Cell date_cell(const std::optional<Date>& d, Lang lang) {
    Cell c;
    c.text = d ? Words(lang).date(*d) : std::string("-");
    c.date = d;
    return c;
}

Cell decimal_cell(const std::string& exact, Lang lang) {
    Cell c;
    c.text = Words(lang).decimal(exact);
    c.number = exact;
    return c;
}

Cell percent_cell(std::int64_t part, std::int64_t whole, Lang lang) {
    const std::int64_t tenths = share_tenths(part, whole);
    Cell c;
    c.text = Words(lang).tenths_percent(tenths);
    c.number = (tenths < 0 ? "-" : "") + std::to_string((tenths < 0 ? -tenths : tenths) / 10) + "." +
               std::to_string((tenths < 0 ? -tenths : tenths) % 10);
    return c;
}

Cell verdict_cell(std::string word, bool good) {
    Cell c;
    c.text = std::move(word);
    c.tone = good ? Tone::good : Tone::bad;
    return c;
}

void Document::paragraph(std::string text, Paragraph::Style style) {
    Block b{Block::Kind::paragraph};
    b.paragraph = Paragraph{std::move(text), style};
    blocks.push_back(std::move(b));
}

void Document::table(Table t) {
    Block b{Block::Kind::table};
    b.table = std::move(t);
    blocks.push_back(std::move(b));
}

std::vector<const Table*> Document::tables() const {
    std::vector<const Table*> out;
    for (const Block& b : blocks)
        if (b.kind == Block::Kind::table) out.push_back(&b.table);
    return out;
}

namespace {

// A target as a count or a percentage, as the plan writes it.
Cell target_cell(const Target& t, Lang lang) {
    if (t.kind == Target::Kind::count) return count_cell(t.count, lang);
    Cell c;
    std::string exact = to_string(t);
    c.text = Words(lang).decimal(exact);
    if (!exact.empty() && exact.back() == '%') exact.pop_back();
    c.number = exact;
    return c;
}

// The milestone table: a projected count is never labelled as achieved.
// Certified: for an upcoming milestone the units certified today, for a
// past one the units certified on the deadline; Planned more and Expected
// total only for upcoming milestones ("-" for past).
Table milestone_table(const Report& r, const Words& w) {
    const Lang lang = w.lang();
    Table t;
    t.id = "milestones";
    t.columns = {{w.tr("Milestone"), ColumnKind::name},        {w.tr("Deadline"), ColumnKind::date},
                 {w.tr("Target"), ColumnKind::percent},        {w.tr("Required"), ColumnKind::count, {}, true},
                 {w.tr("Certified units"), ColumnKind::count}, {w.tr("Planned more"), ColumnKind::count},
                 {w.tr("Expected total"), ColumnKind::count},  {w.tr("Shortfall"), ColumnKind::count, {}, true},
                 {w.tr("Verdict"), ColumnKind::verdict}};
    const Cell dash = text_cell("-");
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        t.add({text_cell(milestone_label(w, m, k)), date_cell(m.deadline, lang), target_cell(m.target, lang),
               count_cell(m.required, lang), count_cell(m.upcoming ? m.covered - m.planned : m.covered, lang),
               m.upcoming ? count_cell(m.planned, lang) : dash, m.upcoming ? count_cell(m.covered, lang) : dash,
               count_cell(m.shortfall, lang), verdict_cell(w.tr(to_string(m.verdict)), is_good(m.verdict))});
    }
    t.empty = w.tr(no_milestones_note);
    if (!r.milestones.empty()) t.notes.push_back(w.tr(upcoming_rule));
    return t;
}

// The units whose planned date has passed, under the sentence that counts them.
Table overdue_table(const Report& r, const Words& w) {
    Table t;
    t.id = "overdue";
    t.as_list = true;
    t.title =
        w.trf("Overdue (planned date passed, not drug-free): {}", w.count(static_cast<std::int64_t>(r.overdue.size())));
    t.columns = {{w.tr("Locality"), ColumnKind::name}, {w.tr("Planned"), ColumnKind::date}};
    for (const LocalityRef& ref : r.overdue) {
        Cell planned = date_cell(ref.planned, w.lang());
        planned.text = w.trf("planned {}", planned.text);
        t.add({text_cell(locality_label(ref)), std::move(planned)});
    }
    return t;
}

}  // namespace

Document document_of(const Analysis& a, Lang lang) {
    const Words w(lang);
    const Report& r = a.report;
    Document d;
    d.lang = lang;
    d.title = r.plan;
    d.report = &r;
    if (!r.source.empty()) d.paragraph(w.trf("Source: {}", r.source), Paragraph::Style::muted);
    d.paragraph(w.trn("As of {}: {} of {} unit drug-free ({})", "As of {}: {} of {} units drug-free ({})",
                      static_cast<std::uint64_t>(r.total), w.date(r.as_of), w.count(r.covered), w.count(r.total),
                      share_text(w, r.covered, r.total)),
                Paragraph::Style::summary);
    if (r.illustrative) d.paragraph(w.trf("NOTE: {}", w.tr(illustrative_warning)), Paragraph::Style::warning);
    if (!r.note.empty()) d.paragraph(w.trf("Note: {}", r.note), Paragraph::Style::muted);
    d.table(milestone_table(r, w));
    d.table(overdue_table(r, w));
    d.paragraph(w.trf("Planned after {}: {}", w.date(r.as_of), w.count(r.planned_ahead)));
    d.paragraph(no_plan_sentence(r, w));
    if (a.chart) {
        d.chart = &*a.chart;
        d.chart_title = w.tr("Burn-up");
        d.chart_caption = w.trf(
            "Drug-free units (solid line) up to {}, the planned certifications after it (dashed) and the "
            "milestone targets (steps), out of {}.",
            w.date(a.chart->as_of), w.count(a.chart->total));
        d.blocks.push_back(Block{Block::Kind::chart});
    }
    for (Table& t : analysis_tables(a, w)) d.table(std::move(t));
    return d;
}

ManyDocument document_of(const std::vector<Analysis>& analyses, const Rollup& rollup, const League& league, Lang lang) {
    const Words w(lang);
    ManyDocument out;
    for (const Analysis& a : analyses) out.plans.push_back(document_of(a, lang));
    out.rollup_title = w.tr("Roll-up");
    out.rollup_sentence = rollup_sentence(w, rollup);
    out.league = league_table(league, {}, w);
    return out;
}

}  // namespace ontrack
