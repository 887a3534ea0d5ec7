"""The JSON Schema of the API's plan list (version 1). The whole plan's schema is the plan
file's own, ``plans/plan.schema.json``. A breaking change gets a new API version."""


def plan_list_schema(url):
    date = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    timestamp = {"type": ["string", "null"], "format": "date-time"}
    address = {"type": "string", "format": "uri"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": url,
        "title": "Published action plans, API version 1",
        "type": "object",
        "required": ["$schema", "api_version", "plans"],
        "additionalProperties": False,
        "properties": {
            "$schema": address,
            "api_version": {"const": "v1"},
            "plans": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [
                        "key",
                        "title",
                        "languages",
                        "modified",
                        "page",
                        "plan",
                        "measures",
                    ],
                    "properties": {
                        "key": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                        "title": {"type": "string", "minLength": 1},
                        "municipality": {"type": ["string", "null"]},
                        "valid_from": date,
                        "valid_until": date,
                        "until_further_notice": {"type": "boolean"},
                        "languages": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                        "issued": timestamp,
                        "modified": timestamp,
                        "page": address,
                        "plan": address,
                        "measures": address,
                    },
                },
            },
        },
    }
