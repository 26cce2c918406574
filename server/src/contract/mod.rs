//! The contract, `openapi/openapi.yaml`, read once at start-up: which operations exist, at
//! which public path and router route, the scope each needs, and the schemas its parameters
//! and body must satisfy.
//!
//! Everything the server knows about an operation comes from here, so a new operation in
//! the spec is authenticated, validated and routed without a second list to keep in step:
//! an operation that needs credentials must name its scope (`x-required-scope`) or the
//! contract does not load and the server does not start.
mod schema;
pub mod validation;

use std::sync::LazyLock;

use http::Method;
use serde_json::Value;

use crate::auth::Scope;
pub use validation::{BodySchema, ParamSchema};

/// The contract exactly as committed; also served at `/openapi.yaml`.
pub const SPEC_YAML: &str = include_str!("../../../openapi/openapi.yaml");

static CONTRACT: LazyLock<Contract> =
    LazyLock::new(|| Contract::parse(SPEC_YAML).unwrap_or_else(|err| panic!("openapi/openapi.yaml: {err}")));

/// The committed contract. Panics on first use if it is inconsistent (the server calls this
/// while it starts, and every test does, so that never reaches a request).
pub fn contract() -> &'static Contract {
    &CONTRACT
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No credentials needed (`security: []`).
    Public,
    Scope(Scope),
}

#[derive(Debug)]
pub struct Operation {
    pub id: String,
    pub method: Method,
    /// The path template clients use, e.g. `/api/v1/patients/{patient_id}:restore`.
    pub path: String,
    /// The template the router matches: `x-internal-route` when the public path is one
    /// axum's router cannot express, otherwise the path itself.
    pub route: String,
    pub access: Access,
    pub query: Vec<ParamSchema>,
    pub headers: Vec<ParamSchema>,
    pub body: Option<BodySchema>,
}

impl Operation {
    /// The public path with its parameters filled in, e.g. a created patient's `Location`.
    pub fn path_with(&self, params: &[(&str, &str)]) -> String {
        params.iter().fold(self.path.clone(), |path, (name, value)| path.replace(&format!("{{{name}}}"), value))
    }
}

#[derive(Debug)]
pub struct Contract {
    operations: Vec<Operation>,
}

#[derive(Debug, thiserror::Error)]
pub enum ContractError {
    #[error("not valid YAML: {0}")]
    Yaml(#[from] serde_norway::Error),
    #[error("{0}")]
    Invalid(String),
}

fn invalid(message: impl Into<String>) -> ContractError {
    ContractError::Invalid(message.into())
}

const METHODS: [(&str, Method); 5] = [
    ("get", Method::GET),
    ("put", Method::PUT),
    ("post", Method::POST),
    ("delete", Method::DELETE),
    ("patch", Method::PATCH),
];

impl Contract {
    pub fn parse(yaml: &str) -> Result<Self, ContractError> {
        let spec: Value = serde_norway::from_str(yaml)?;
        let paths = spec["paths"].as_object().ok_or_else(|| invalid("no paths"))?;
        let global_security = spec.get("security");
        let mut operations = Vec::new();
        for (path, item) in paths {
            let shared_params = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
            for (key, method) in METHODS {
                let Some(op) = item.get(key) else { continue };
                let id = op["operationId"].as_str().ok_or_else(|| invalid(format!("{key} {path}: no operationId")))?;
                let security = op.get("security").or(global_security);
                let public = security.and_then(Value::as_array).is_some_and(Vec::is_empty);
                let access = match (public, op.get("x-required-scope").and_then(Value::as_str)) {
                    (true, None) => Access::Public,
                    (false, Some(scope)) => Access::Scope(
                        Scope::parse(scope)
                            .ok_or_else(|| invalid(format!("{id}: unknown x-required-scope {scope}")))?,
                    ),
                    (true, Some(_)) => return Err(invalid(format!("{id}: x-required-scope on a public operation"))),
                    (false, None) => {
                        return Err(invalid(format!("{id}: needs credentials but has no x-required-scope")));
                    }
                };
                let mut query = Vec::new();
                let mut headers = Vec::new();
                for param in shared_params.iter().chain(op["parameters"].as_array().into_iter().flatten()) {
                    let param = schema::resolve(&spec, param).map_err(|e| invalid(format!("{id}: {e}")))?;
                    let location = param["in"].as_str().unwrap_or_default();
                    let compiled = || ParamSchema::compile(&spec, param).map_err(|e| invalid(format!("{id}: {e}")));
                    match location {
                        "query" => query.push(compiled()?),
                        "header" => headers.push(compiled()?),
                        _ => {}
                    }
                }
                let body = op
                    .get("requestBody")
                    .map(|body| BodySchema::compile(&spec, body, op))
                    .transpose()
                    .map_err(|e| invalid(format!("{id}: {e}")))?
                    .flatten();
                let route = op.get("x-internal-route").and_then(Value::as_str).unwrap_or(path).to_owned();
                operations.push(Operation {
                    id: id.to_owned(),
                    method,
                    path: path.clone(),
                    route,
                    access,
                    query,
                    headers,
                    body,
                });
            }
        }
        Ok(Self { operations })
    }

    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    pub fn operation(&self, id: &str) -> &Operation {
        self.operations
            .iter()
            .find(|op| op.id == id)
            .unwrap_or_else(|| panic!("operation {id} is not in openapi/openapi.yaml"))
    }

    /// What the router matched: the operation for `method` at the router template `route`
    /// (`HEAD` is served by `GET`).
    pub fn routed(&self, method: &Method, route: &str) -> Routed<'_> {
        let method = if method == Method::HEAD { &Method::GET } else { method };
        let mut known_route = false;
        for op in &self.operations {
            if op.route == route {
                if op.method == method {
                    return Routed::Operation(op);
                }
                known_route = true;
            }
        }
        if known_route { Routed::OtherMethod } else { Routed::NotInContract }
    }

    /// The public path template for a router template (they differ only for
    /// `x-internal-route` operations).
    pub fn public_path<'a>(&'a self, route: &'a str) -> &'a str {
        self.operations.iter().find(|op| op.route == route).map_or(route, |op| op.path.as_str())
    }
}

/// The outcome of looking up a routed request in the contract.
#[derive(Debug)]
pub enum Routed<'a> {
    Operation(&'a Operation),
    /// The route exists with other methods: the router answers 405.
    OtherMethod,
    /// A route the contract does not define (the docs pages).
    NotInContract,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_contract_loads() {
        let contract = contract();
        assert!(contract.operations().len() >= 9);
        let restore = contract.operation("restorePatient");
        assert_eq!(restore.path, "/api/v1/patients/{patient_id}:restore");
        assert_eq!(restore.route, "/api/v1/patients/{patient_id}/restore");
        assert_eq!(contract.public_path(&restore.route), restore.path);
    }

    #[test]
    fn every_operation_that_needs_credentials_has_a_scope_and_says_so() {
        for op in contract().operations() {
            match op.access {
                Access::Public => assert!(!op.path.starts_with("/api/"), "{} is public", op.id),
                Access::Scope(scope) => {
                    let spec: Value = serde_norway::from_str(SPEC_YAML).unwrap();
                    let method = op.method.as_str().to_lowercase();
                    let description = spec["paths"][&op.path][&method]["description"].as_str().unwrap_or_default();
                    let named = format!("Needs scope `{}`", scope.as_str());
                    assert!(
                        description.split_whitespace().collect::<Vec<_>>().join(" ").contains(&named),
                        "{}: its description must say \"{named}\"",
                        op.id
                    );
                }
            }
        }
    }

    #[test]
    fn an_operation_without_a_scope_is_refused() {
        let spec = SPEC_YAML.replacen("      x-required-scope: patient:read\n", "", 1);
        let err = Contract::parse(&spec).unwrap_err();
        assert!(err.to_string().contains("has no x-required-scope"), "{err}");
        let spec = SPEC_YAML.replacen("x-required-scope: patient:read", "x-required-scope: patient:admin", 1);
        assert!(Contract::parse(&spec).is_err());
    }

    #[test]
    fn routed_requests_are_told_apart() {
        let contract = contract();
        assert!(
            matches!(contract.routed(&Method::HEAD, "/api/v1/patients"), Routed::Operation(op) if op.id == "listPatients")
        );
        assert!(matches!(contract.routed(&Method::PATCH, "/api/v1/patients"), Routed::OtherMethod));
        assert!(matches!(contract.routed(&Method::GET, "/docs"), Routed::NotInContract));
    }

    #[test]
    fn paths_are_filled_in() {
        let op = contract().operation("getPatient");
        assert_eq!(op.path_with(&[("patient_id", "abc")]), "/api/v1/patients/abc");
    }
}
