//! The navigation offers each role exactly the pages it may open (SPEC §1): both come from
//! `domain::access::Capability`, and this holds them together.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;

/// The `href`s of the header's navigation.
fn nav_links(html: &str) -> Vec<String> {
    let Some(start) = html.find("<nav") else {
        return Vec::new();
    };
    let end = html[start..]
        .find("</nav>")
        .map_or(html.len(), |end| start + end);
    html[start..end]
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn spec_1_every_role_sees_the_pages_it_may_open_and_no_other() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let user = app.create_user(&format!("nav.{}", role.code()), role).await;
        let browser = app.login(&user).await;
        let links = nav_links(&app.page(&browser, "/").await);
        assert!(links.contains(&"/".to_owned()), "{role:?}: {links:?}");
        for link in links.iter().filter(|link| link.starts_with('/')) {
            let status = browser.get(app.url(link)).send().await.unwrap().status();
            if status != 200 {
                failures.push(format!("{role:?} is offered {link} and gets {status}"));
            }
        }
        for (page, offered) in [("/centres", "/centres"), ("/placement", "/placement")] {
            let status = browser.get(app.url(page)).send().await.unwrap().status();
            if status == 200 && !links.iter().any(|link| link == offered) {
                failures.push(format!("{role:?} may open {page} but is not offered it"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
