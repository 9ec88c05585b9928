#!/usr/bin/env python3
"""Validates a json report against doc/report.schema.json (JSON Schema draft
2020-12), or, with --schema-only, checks the schema itself: valid, and every
property and definition described.

    validate_json.py SCHEMA FILE       exit 0 valid, 1 not (each error named)
    validate_json.py --schema-only SCHEMA
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:
    print("validate_json.py: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
    sys.exit(1)


def undescribed(node, path):
    """Paths of the schemas under node that lack a description."""
    missing = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{path}/properties/{name}")
        for name, sub in node.get("$defs", {}).items():
            if "description" not in sub:
                missing.append(f"{path}/$defs/{name}")
        for key, sub in node.items():
            missing += undescribed(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for k, sub in enumerate(node):
            missing += undescribed(sub, f"{path}/{k}")
    return missing


def closed_objects(node, path):
    """Paths of object schemas that accept members they do not describe."""
    open_ = []
    if isinstance(node, dict):
        if node.get("type") == "object" and node.get("additionalProperties") is not False:
            open_.append(path)
        for key, sub in node.items():
            open_ += closed_objects(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for k, sub in enumerate(node):
            open_ += closed_objects(sub, f"{path}/{k}")
    return open_


def main(argv):
    if len(argv) == 3 and argv[1] == "--schema-only":
        with open(argv[2], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        problems = [f"no description: {p}" for p in undescribed(schema, "#")]
        problems += [f"additionalProperties is not false: {p}" for p in closed_objects(schema, "#")]
        for p in problems:
            print(p)
        return 1 if problems else 0
    if len(argv) != 3:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        document = json.load(f)
    validator = Draft202012Validator(schema)
    # The top level is a oneOf (one plan, or several): the error that goes
    # deepest says what is wrong.
    error = best_match(validator.iter_errors(document))
    if error is None:
        return 0
    while error.context:
        error = best_match(error.context)
    where = "/".join(str(p) for p in error.absolute_path) or "(the document)"
    print(f"{argv[2]}: {where}: {error.message[:300]}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
