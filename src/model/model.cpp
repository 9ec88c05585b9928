#include "model.hpp"

#include <utility>

namespace ontrack {
namespace {

const std::string& no_text() {
    static const std::string empty;
    return empty;
}

static_assert(sizeof(void*) <= sizeof(std::uint64_t) && alignof(std::vector<PlannedEntry>) >= 2,
              "a pointer fits in PlannedDates::bits_ with its low bit free");

std::uint64_t plain_bits(Date d) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(d.days)) << 32) | 1U;
}

}  // namespace

const std::string& Event::decision() const {
    return text ? text->decision : no_text();
}

const std::string& Event::note() const {
    return text ? text->note : no_text();
}

PlannedDates::PlannedDates(std::optional<Date> plain) : bits_(plain ? plain_bits(*plain) : 0) {}

PlannedDates::PlannedDates(std::vector<PlannedEntry> entries) {
    if (entries.empty()) return;
    if (entries.size() == 1 && !entries.front().set && entries.front().note.empty()) {
        bits_ = plain_bits(entries.front().date);
        return;
    }
    bits_ = reinterpret_cast<std::uint64_t>(new std::vector<PlannedEntry>(std::move(entries)));
}

PlannedDates::PlannedDates(const PlannedDates& other)
    : bits_(other.many() ? reinterpret_cast<std::uint64_t>(new std::vector<PlannedEntry>(*other.many()))
                         : other.bits_) {}

PlannedDates::PlannedDates(PlannedDates&& other) noexcept : bits_(std::exchange(other.bits_, 0)) {}

PlannedDates& PlannedDates::operator=(const PlannedDates& other) {
    if (this != &other) *this = PlannedDates(other);
    return *this;
}

PlannedDates& PlannedDates::operator=(PlannedDates&& other) noexcept {
    if (this != &other) {
        delete many();
        bits_ = std::exchange(other.bits_, 0);
    }
    return *this;
}

PlannedDates::~PlannedDates() {
    delete many();
}

const std::vector<PlannedEntry>* PlannedDates::many() const {
    return bits_ != 0 && (bits_ & 1U) == 0 ? reinterpret_cast<const std::vector<PlannedEntry>*>(bits_) : nullptr;
}

std::size_t PlannedDates::size() const {
    if (const auto* m = many()) return m->size();
    return bits_ == 0 ? 0 : 1;
}

Date PlannedDates::date(std::size_t k) const {
    if (const auto* m = many()) return (*m)[k].date;
    return Date{static_cast<std::int32_t>(static_cast<std::uint32_t>(bits_ >> 32))};
}

std::optional<Date> PlannedDates::set(std::size_t k) const {
    if (const auto* m = many()) return (*m)[k].set;
    return std::nullopt;
}

const std::string& PlannedDates::note(std::size_t k) const {
    if (const auto* m = many()) return (*m)[k].note;
    return no_text();
}

std::vector<PlannedEntry> PlannedDates::entries() const {
    if (const auto* m = many()) return *m;
    if (bits_ == 0) return {};
    return {PlannedEntry{date(0), std::nullopt, {}}};
}

}  // namespace ontrack
