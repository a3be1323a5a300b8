//! One language at a time (issue 17 item 3): every page each role reaches from its start page,
//! on the demo data, holds no text of the other language's catalogue — no bokmål left in the
//! English interface, and no English in the Norwegian one.

use std::collections::{BTreeSet, VecDeque};

use mottak_domain::access::Role;
use mottak_server::i18n::{Lang, catalogue};

use crate::helpers::{TestApp, spawn_app};

/// How many pages a role's crawl reads at most.
const PAGES_PER_ROLE: usize = 60;

/// Texts that say one language only: long enough to be a phrase, not found in the other
/// language's catalogue, and not a code or a name both languages share.
fn only_in(lang: Lang) -> Vec<&'static str> {
    let other_texts: Vec<&str> = catalogue()
        .map(|(_, nb, en)| if lang == Lang::Nb { *en } else { *nb })
        .collect();
    catalogue()
        .map(|(_, nb, en)| if lang == Lang::Nb { *nb } else { *en })
        .filter(|text| text.chars().count() >= 12 && text.contains(' '))
        .filter(|text| !text.contains('{'))
        .filter(|text| !other_texts.iter().any(|other| other.contains(text)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// `text` without its `open … close` spans.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once(close)
            .map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    kept
}

/// An element that says its own language (`lang="…"`: the language switch, an order text written
/// for a Norwegian supplier) is left out, up to its end tag.
fn without_marked_parts(html: &str) -> String {
    let mut kept = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"") {
        let Some(start) = rest[..at].rfind('<') else {
            break;
        };
        let tag: String = rest[start + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        kept.push_str(&rest[..start]);
        let close = format!("</{tag}>");
        rest = rest[start..]
            .split_once(&close)
            .map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    kept
}

/// The page's text without tags, scripts and parts marked with their own language.
fn visible_text(html: &str) -> String {
    let body = html.split_once("<body").map_or(html, |(_, body)| body);
    let text = without_marked_parts(&without(
        &without(body, "<script", "</script>"),
        "<style",
        "</style>",
    ));
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Same-site links of a page that a GET may follow: pages, not downloads, logout or switches.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| {
            ![
                "/language/",
                "/assets/",
                "/logout",
                "/api",
                "/export/",
                ".csv",
                ".json",
                ".pdf",
                ".ics",
                "/csv",
                "/pdf",
                "/xlsx",
                "/help",
            ]
            .iter()
            .any(|skip| href.contains(skip))
        })
        .collect()
}

/// Reads the pages `role` reaches from its start page in `lang`; returns how many it read.
async fn crawl(app: &TestApp, role: Role, lang: Lang, found: &mut Vec<String>) -> usize {
    let user = app
        .create_user(&format!("{}.{}", role.code(), lang.code()), role)
        .await;
    let browser = app.login(&user).await;
    browser
        .get(app.url(&format!("/language/{}", lang.code())))
        .send()
        .await
        .unwrap();
    let foreign = only_in(lang.other());
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut seen = BTreeSet::new();
    let mut read = 0;
    while let Some(path) = queue.pop_front() {
        if seen.len() >= PAGES_PER_ROLE || !seen.insert(path.clone()) {
            continue;
        }
        let response = browser.get(app.url(&path)).send().await.unwrap();
        if !response.status().is_success() {
            continue;
        }
        read += 1;
        let html = response.text().await.unwrap();
        let text = visible_text(&html);
        for phrase in &foreign {
            if text.contains(phrase) {
                found.push(format!(
                    "{} {}: {path}: «{phrase}»",
                    role.code(),
                    lang.code()
                ));
            }
        }
        queue.extend(links(&html).into_iter().filter(|link| !seen.contains(link)));
    }
    read
}

#[tokio::test]
async fn every_page_speaks_the_users_language_only() {
    let app = spawn_app().await;
    mottak_server::demo::fill(&app.store).await.unwrap();
    let mut found = Vec::new();
    for role in Role::ALL {
        for lang in [Lang::En, Lang::Nb] {
            let read = crawl(&app, role, lang, &mut found).await;
            assert!(
                read >= 4,
                "{} reads only {read} pages in {lang:?}",
                role.code()
            );
        }
    }
    assert!(found.is_empty(), "text in the other language: {found:#?}");
}
