//! The error responses every operation can give, added to the description in one place so that
//! no handler can forget one: generated clients and API fuzzers hold the API to its description.

use utoipa::Modify;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, ResponseBuilder};

/// The media type of every error response (RFC 9457).
const PROBLEM_JSON: &str = "application/problem+json";

pub struct ProblemResponses;

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let templated = path.contains('{');
            let operations = [
                (&mut item.get, false),
                (&mut item.put, true),
                (&mut item.post, true),
                (&mut item.patch, true),
                (&mut item.delete, true),
            ];
            for (operation, writes) in operations {
                if let Some(operation) = operation {
                    describe_problems(operation, templated, writes);
                }
            }
        }
    }
}

fn describe_problems(operation: &mut Operation, templated: bool, writes: bool) {
    let secured = operation
        .security
        .as_ref()
        .is_some_and(|requirements| !requirements.is_empty());
    let has_body = operation.request_body.is_some();
    let has_input = has_body
        || operation
            .parameters
            .as_ref()
            .is_some_and(|parameters| !parameters.is_empty());
    let expected = [
        (
            has_input,
            "400",
            "Invalid input: `field` and `errors` name every invalid field",
        ),
        (secured, "401", "No valid token"),
        (
            secured,
            "403",
            "The caller's role or scope does not allow this",
        ),
        (
            templated,
            "404",
            "No such record, or not in the caller's scope",
        ),
        (
            secured && writes,
            "409",
            "Conflicts with the stored state, naming the field",
        ),
        (has_body, "413", "The request body is too large"),
    ];
    let responses = &mut operation.responses.responses;
    for (applies, status, description) in expected {
        if applies {
            responses.entry(status.to_owned()).or_insert_with(|| {
                RefOr::T(ResponseBuilder::new().description(description).build())
            });
        }
    }
    for (status, response) in responses.iter_mut() {
        if let (RefOr::T(response), true) = (response, is_error(status)) {
            response.content.clear();
            response.content.insert(
                PROBLEM_JSON.to_owned(),
                RefOr::T(Content::new(Some(Ref::from_schema_name("Problem")))),
            );
        }
    }
}

fn is_error(status: &str) -> bool {
    status.starts_with('4') || status.starts_with('5')
}
