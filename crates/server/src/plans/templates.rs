//! The templates plans start from (SPEC §6): the built-in one until an admin revises it, then
//! the latest revision. A running plan keeps the version it was started from (its tasks and
//! its stored template document), so a revision changes only the plans started after it.

use mottak_domain::plans::Template;
use mottak_domain::plans::builtin::{TEMPLATE_KEYS, builtin};
use mottak_domain::plans::revision;
use mottak_domain::problem::Problem;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::{Store, StoreError, WriteTx};

use super::invalid;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

fn unknown(key: &str) -> ApiError {
    invalid(
        "template",
        Problem::UnknownTemplate {
            code: key.to_owned(),
            codes: TEMPLATE_KEYS.join(", "),
        },
    )
}

/// The built-in template, or the stored revision when it is newer. Revisions are checked
/// before they are stored, so one that no longer reads is a bug: it is logged, and the built-in
/// template serves until an admin stores a new revision.
fn newest(built_in: Template, stored: Option<(i64, String)>) -> Template {
    match stored {
        Some((version, document)) if version > i64::from(built_in.version) => {
            serde_json::from_str(&document).unwrap_or_else(|error| {
                tracing::error!(template = %built_in.key, version, %error, "stored template does not read");
                built_in
            })
        }
        _ => built_in,
    }
}

/// The template new plans of `key` start from; 400 naming `template` for an unknown key.
pub async fn current(store: &Store, key: &str) -> ApiResult<Template> {
    let built_in = builtin(key).ok_or_else(|| unknown(key))?;
    Ok(newest(built_in, store.latest_plan_template(key).await?))
}

/// [`current`] inside a write, for the plans a registration or a lifecycle operation starts.
pub async fn current_in(tx: &mut WriteTx, key: &str) -> Result<Template, StoreError> {
    let built_in = builtin(key).ok_or(StoreError::NotFound)?;
    Ok(newest(built_in, tx.latest_plan_template_in(key).await?))
}

/// Stores `revised` as the next version of template `key` (admins, checked by the route); the
/// revision, or every invalid field. Two revisions at once: the second is a 409.
pub async fn revise(
    store: &Store,
    caller: &Caller,
    key: &str,
    revised: Template,
) -> ApiResult<Template> {
    builtin(key).ok_or_else(|| unknown(key))?;
    let mut tx = store.begin_write().await?;
    let current = current_in(&mut tx, key).await?;
    let next = revision::revise(&current, revised).map_err(ApiError::invalid_fields)?;
    let document = serde_json::to_string(&next).expect("templates serialize");
    let version = i64::from(next.version);
    tx.insert_plan_template(key, version, &document).await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Plans,
            "plan_template.revised",
            "plan_template",
            format!("{key} {version}"),
        )
        .summary(serde_json::json!({
            "template": key,
            "version": version,
            "items": next.items.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}
