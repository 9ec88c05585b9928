#include "parsed_localities.hpp"

#include "i18n.hpp"
#include "locality_reader.hpp"

namespace ontrack {

void read_locality_element(TomlContext& cx, const toml::node& element, ParsedLocalities& out, std::size_t k) {
    if (const auto* table = element.as_table()) {
        LocalityDraft draft = read_locality(cx, *table);
        out.localities[k] = std::move(draft.locality);
        out.places[k] = Placed{draft.name_pos, draft.id_pos, draft.kind_pos, draft.name_hash, draft.ok};
    } else {
        cx.wrong_type(element, "locality", tr("a table"), tr("write each entry under its own [[locality]] header"));
    }
}

void read_locality_array(TomlContext& cx, const toml::node& node, ParsedLocalities& out) {
    const auto* array = node.as_array();
    if (!array) {
        cx.wrong_type(node, "locality", tr("an array of tables"),
                      tr("write each entry under its own [[locality]] header"));
        return;
    }
    out.localities.resize(array->size());
    out.places.resize(array->size());
    for (std::size_t k = 0; k < array->size(); ++k) read_locality_element(cx, (*array)[k], out, k);
}

}  // namespace ontrack
