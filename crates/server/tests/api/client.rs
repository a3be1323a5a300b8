//! The two ways tests talk to the app: the API with a token (JSON in, status and JSON out) and a
//! browser posting forms with the page's CSRF token.

use mottak_domain::access::Role;
use serde_json::Value;

use crate::helpers::{TestApp, csrf_token};

/// The API as a client holding one token sees it.
pub struct Api<'a> {
    app: &'a TestApp,
    token: String,
    client: reqwest::Client,
}

impl TestApp {
    pub fn api(&self, token: &str) -> Api<'_> {
        Api {
            app: self,
            token: token.to_owned(),
            client: reqwest::Client::new(),
        }
    }

    /// A token of a new user `username` with `role` in its default scope.
    pub async fn token_of_new(&self, username: &str, role: Role) -> String {
        let user = self.create_user(username, role).await;
        self.token_for(&user).await
    }

    /// Posts a form the way a browser does: the CSRF token is taken from `page` first.
    pub async fn submit(
        &self,
        browser: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = csrf_token(&self.page(browser, page).await);
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        browser
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .unwrap()
    }
}

impl Api<'_> {
    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.client.get(self.app.url(path))).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(self.client.post(self.app.url(path)).json(body))
            .await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(self.client.patch(self.app.url(path)).json(body))
            .await
    }

    pub async fn put(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(self.client.put(self.app.url(path)).json(body))
            .await
    }

    /// A request built by the test (another body or content type), sent with the token.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.app.url(path))
            .bearer_auth(&self.token)
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.bearer_auth(&self.token).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

/// A problem+json answer (RFC 9457) with `status`; its body.
pub async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    response.json().await.unwrap()
}
