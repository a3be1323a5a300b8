//! Stylesheets and scripts, embedded at build time from the npm packages (see build.rs).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::state::AppState;

macro_rules! npm_asset {
    ($path:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/web/node_modules/", $path))
    };
}

const DESIGNSYSTEMET_CSS: &[u8] = npm_asset!("@digdir/designsystemet-css/dist/src/index.css");
const THEME_CSS: &[u8] = npm_asset!("@digdir/designsystemet-theme/brand/digdir.css");
const SWAGGER_CSS: &[u8] = npm_asset!("swagger-ui-dist/swagger-ui.css");
const SWAGGER_JS: &[u8] = npm_asset!("swagger-ui-dist/swagger-ui-bundle.js");
const MOTTAK_CSS: &[u8] = include_bytes!("../../static/mottak.css");
const API_DOCS_JS: &[u8] = include_bytes!("../../static/api-docs.js");
const LOOKUP_JS: &[u8] = include_bytes!("../../static/lookup.js");
const ROWS_JS: &[u8] = include_bytes!("../../static/rows.js");

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/designsystemet.css",
            get(|| serve(DESIGNSYSTEMET_CSS, "text/css")),
        )
        .route("/assets/theme.css", get(|| serve(THEME_CSS, "text/css")))
        .route("/assets/mottak.css", get(|| serve(MOTTAK_CSS, "text/css")))
        .route(
            "/assets/swagger-ui.css",
            get(|| serve(SWAGGER_CSS, "text/css")),
        )
        .route(
            "/assets/swagger-ui-bundle.js",
            get(|| serve(SWAGGER_JS, "text/javascript")),
        )
        .route(
            "/assets/api-docs.js",
            get(|| serve(API_DOCS_JS, "text/javascript")),
        )
        .route(
            "/assets/lookup.js",
            get(|| serve(LOOKUP_JS, "text/javascript")),
        )
        .route("/assets/rows.js", get(|| serve(ROWS_JS, "text/javascript")))
}

async fn serve(body: &'static [u8], content_type: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}
