//! A record's fields with their columns, listed once per record: the statements' column names,
//! the bound parameters and the names of changed fields all come from that one list.

use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

/// A field's value as its column holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Value<'a> {
    Text(Option<&'a str>),
    Flag(bool),
}

impl Value<'_> {
    pub(super) fn text(value: &Option<String>) -> Value<'_> {
        Value::Text(value.as_deref())
    }
}

/// A record's fields, each with its column, in the order the statements name them.
pub(super) type Columns<'a, const N: usize> = [(&'static str, Value<'a>); N];

/// Binds the values of `columns` as the next parameters, in their order.
pub(super) fn bind_columns<'q, const N: usize>(
    mut query: Query<'q, Any, AnyArguments>,
    columns: Columns<'_, N>,
) -> Query<'q, Any, AnyArguments> {
    for (_, value) in columns {
        query = match value {
            Value::Text(text) => query.bind(text),
            Value::Flag(flag) => query.bind(crate::flag(flag)),
        };
    }
    query
}

/// The names of the columns whose values differ (values stay out of the log, R-LOG-3).
pub(super) fn changed_columns<const N: usize>(
    after: Columns<'_, N>,
    before: Columns<'_, N>,
) -> Vec<&'static str> {
    after
        .into_iter()
        .zip(before)
        .filter(|((_, after), (_, before))| after != before)
        .map(|((name, _), _)| name)
        .collect()
}
