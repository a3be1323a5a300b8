//! The user guide (issue 17 item 12) at `/help`: `docs/guide.md` (or `docs/guide.en.md` in the
//! English interface) as a page, with the screenshots the browser tests take. Each page's help
//! link opens the section of the caller's role. Public: the guide holds no personal data.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use mottak_domain::access::Role;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::i18n::Lang;
use crate::pages::{Shell, render};
use crate::state::AppState;

const GUIDE_NB: &str = include_str!("../../../../docs/guide.md");
const GUIDE_EN: &str = include_str!("../../../../docs/guide.en.md");

macro_rules! screenshot {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("../../../../docs/screenshots/", $name, ".png")),
        )
    };
}

/// The screenshots the guide shows, as the browser tests took them (e2e/lib.mjs lists the same).
const SCREENSHOTS: &[(&str, &[u8])] = &[
    screenshot!("dashboard-udi"),
    screenshot!("centres"),
    screenshot!("centre"),
    screenshot!("centre-new-errors"),
    screenshot!("agreement-new"),
    screenshot!("claim"),
    screenshot!("dashboard-region.vest"),
    screenshot!("log-timeline"),
    screenshot!("dashboard-operator"),
    screenshot!("staff-centre"),
    screenshot!("dashboard-imdi"),
    screenshot!("placement-result"),
    screenshot!("dashboard-kommune"),
    screenshot!("folder-municipality"),
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/help", get(guide))
        .route("/help/screenshots/{name}", get(screenshot))
}

#[derive(Template)]
#[template(path = "help.html")]
struct HelpPage {
    shell: Shell,
    body: String,
}

async fn guide(shell: Shell) -> Response {
    let text = match shell.lang {
        Lang::Nb => GUIDE_NB,
        Lang::En => GUIDE_EN,
    };
    render(&HelpPage {
        body: guide_html(text),
        shell: shell.with_title("help.title"),
    })
}

async fn screenshot(Path(name): Path<String>) -> Response {
    let found = name
        .strip_suffix(".png")
        .and_then(|stem| SCREENSHOTS.iter().find(|(candidate, _)| *candidate == stem));
    match found {
        Some((_, bytes)) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The section of the guide for a role: the demo login its heading names (`## … (`udi`) …`).
pub fn section(role: Role) -> &'static str {
    match role {
        Role::Admin | Role::UdiAdm => "udi",
        Role::UdiRegion => "region.vest",
        Role::Operator => "operator",
        Role::Imdi => "imdi",
        Role::Municipality | Role::MunicipalityAdmin => "kommune",
    }
}

/// The guide's Markdown as HTML: each section heading gets the id of the first login it names,
/// and screenshots (`screenshots/x.png`, as the file in docs/ shows them) load from `/help/`.
pub fn guide_html(markdown: &str) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut heading_start: Option<usize> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(start) = heading_start.take() {
                    let login = events[start..].iter().find_map(|event| match event {
                        Event::Code(code) => Some(code.clone()),
                        _ => None,
                    });
                    if let Some(login) = login {
                        events[start] = Event::Start(Tag::Heading {
                            level: HeadingLevel::H2,
                            id: Some(login),
                            classes: Vec::new(),
                            attrs: Vec::new(),
                        });
                    }
                }
                events.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if dest_url.starts_with("screenshots/") {
                    CowStr::from(format!("/help/{dest_url}"))
                } else {
                    dest_url
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            event => events.push(event),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every screenshot either guide shows is one the server serves.
    fn images(markdown: &str) -> Vec<String> {
        Parser::new(markdown)
            .filter_map(|event| match event {
                Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_screenshot_in_the_guides_is_served() {
        for guide in [GUIDE_NB, GUIDE_EN] {
            for image in images(guide) {
                let stem = image
                    .strip_prefix("screenshots/")
                    .and_then(|name| name.strip_suffix(".png"))
                    .unwrap_or_else(|| panic!("{image} is not under screenshots/"));
                assert!(
                    SCREENSHOTS.iter().any(|(name, _)| *name == stem),
                    "{image} is not in SCREENSHOTS"
                );
            }
        }
    }

    #[test]
    fn each_role_has_its_section_in_both_guides() {
        for guide in [GUIDE_NB, GUIDE_EN] {
            let html = guide_html(guide);
            for role in Role::ALL {
                let id = format!("<h2 id=\"{}\">", section(role));
                assert!(html.contains(&id), "{id} missing");
            }
        }
    }

    #[test]
    fn screenshots_load_from_help() {
        let html = guide_html("## A (`udi`)\n\n![Start](screenshots/dashboard-udi.png)\n");
        assert!(html.contains("<h2 id=\"udi\">"), "{html}");
        assert!(
            html.contains("src=\"/help/screenshots/dashboard-udi.png\""),
            "{html}"
        );
    }
}
