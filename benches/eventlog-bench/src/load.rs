//! Bulk loading: big transactions, the secondary indexes dropped during the load and rebuilt
//! from their own stored definitions afterwards (so the benchmark measures the schema of the
//! migrations, not a copy of it). The append-only triggers stay; SQLite's word-index trigger
//! fills `events_text` as rows arrive.

use std::time::Instant;

use sqlx::{Connection, Executor, PgConnection, SqliteConnection};

use crate::Result;
use crate::generate::Generator;

const COLUMNS: &str = "seq, occurred_at, actor_id, actor_name, actor_role, action, entity_type, \
    entity_id, summary, origin, security, scope_region, scope_operator, scope_municipality, \
    domain, scope_account_role, prev_hash, hash";
const ROWS_PER_STATEMENT: usize = 500;
const ROWS_PER_TRANSACTION: u64 = 200_000;

pub async fn sqlite(url: &str, generator: &mut Generator, count: u64) -> Result {
    let mut connection = SqliteConnection::connect(url).await?;
    connection
        .execute(
            "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; \
             PRAGMA temp_store = MEMORY;",
        )
        .await?;
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' \
         AND sql IS NOT NULL",
    )
    .fetch_all(&mut connection)
    .await?;
    for (name, _) in &indexes {
        connection
            .execute(sqlx::AssertSqlSafe(format!("DROP INDEX {name}")))
            .await?;
    }
    let row = format!(
        "({})",
        std::iter::repeat_n("?", COLUMNS.split(',').count())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let started = Instant::now();
    let mut written = 0;
    while written < count {
        let mut transaction = connection.begin().await?;
        let in_this = ROWS_PER_TRANSACTION.min(count - written);
        let mut done = 0;
        while done < in_this {
            let rows = (ROWS_PER_STATEMENT as u64).min(in_this - done) as usize;
            let sql = format!(
                "INSERT INTO events ({COLUMNS}) VALUES {}",
                vec![row.as_str(); rows].join(", ")
            );
            let mut insert = sqlx::query(sqlx::AssertSqlSafe(sql));
            for _ in 0..rows {
                let event = generator.next_event();
                insert = insert
                    .bind(event.seq)
                    .bind(event.occurred_at)
                    .bind(event.actor_id)
                    .bind(event.actor_name)
                    .bind(event.actor_role)
                    .bind(event.action)
                    .bind(event.entity_type)
                    .bind(event.entity_id)
                    .bind(event.summary)
                    .bind(event.origin)
                    .bind(event.security)
                    .bind(event.scope_region)
                    .bind(event.scope_operator)
                    .bind(event.scope_municipality)
                    .bind(event.domain)
                    .bind(event.scope_account_role)
                    .bind(event.prev_hash)
                    .bind(event.hash);
            }
            insert.execute(&mut *transaction).await?;
            done += rows as u64;
        }
        let (seq, hash) = generator.last();
        sqlx::query("UPDATE event_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
            .bind(seq)
            .bind(hash.to_owned())
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        written += in_this;
        progress(written, count, &started);
    }
    rebuild(&mut connection, &indexes, &started).await?;
    connection.execute("ANALYZE").await?;
    Ok(())
}

pub async fn postgres(url: &str, generator: &mut Generator, count: u64) -> Result {
    let mut connection = PgConnection::connect(url).await?;
    connection
        .execute("SET maintenance_work_mem = '1GB'; SET synchronous_commit = off")
        .await?;
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' \
         AND schemaname = current_schema() AND indexname <> 'events_pkey'",
    )
    .fetch_all(&mut connection)
    .await?;
    for (name, _) in &indexes {
        connection
            .execute(sqlx::AssertSqlSafe(format!("DROP INDEX {name}")))
            .await?;
    }
    let started = Instant::now();
    let mut written = 0;
    while written < count {
        let in_this = ROWS_PER_TRANSACTION.min(count - written);
        let mut transaction = connection.begin().await?;
        let mut copy = transaction
            .copy_in_raw(&format!("COPY events ({COLUMNS}) FROM STDIN"))
            .await?;
        let mut buffer = String::with_capacity(8 << 20);
        for _ in 0..in_this {
            copy_line(&mut buffer, &generator.next_event());
            if buffer.len() > (8 << 20) - 4096 {
                copy.send(buffer.as_bytes()).await?;
                buffer.clear();
            }
        }
        copy.send(buffer.as_bytes()).await?;
        copy.finish().await?;
        let (seq, hash) = generator.last();
        sqlx::query("UPDATE event_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
            .bind(seq)
            .bind(hash.to_owned())
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        written += in_this;
        progress(written, count, &started);
    }
    rebuild(&mut connection, &indexes, &started).await?;
    connection.execute("VACUUM ANALYZE events").await?;
    Ok(())
}

/// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
fn copy_line(buffer: &mut String, event: &mottak_store::events::Event) {
    fn text(buffer: &mut String, value: &str) {
        for c in value.chars() {
            match c {
                '\\' => buffer.push_str("\\\\"),
                '\t' => buffer.push_str("\\t"),
                '\n' => buffer.push_str("\\n"),
                '\r' => buffer.push_str("\\r"),
                c => buffer.push(c),
            }
        }
    }
    fn optional(buffer: &mut String, value: &Option<String>) {
        match value {
            Some(value) => text(buffer, value),
            None => buffer.push_str("\\N"),
        }
    }
    buffer.push_str(&event.seq.to_string());
    buffer.push('\t');
    text(buffer, &event.occurred_at);
    buffer.push('\t');
    optional(buffer, &event.actor_id.map(|id| id.to_string()));
    for value in [
        &event.actor_name,
        &event.actor_role,
        &event.action,
        &event.entity_type,
        &event.entity_id,
        &event.summary,
        &event.origin,
    ] {
        buffer.push('\t');
        text(buffer, value);
    }
    buffer.push('\t');
    buffer.push_str(&event.security.to_string());
    for value in [
        &event.scope_region,
        &event.scope_operator,
        &event.scope_municipality,
    ] {
        buffer.push('\t');
        optional(buffer, value);
    }
    buffer.push('\t');
    text(buffer, &event.domain);
    buffer.push('\t');
    optional(buffer, &event.scope_account_role);
    buffer.push('\t');
    text(buffer, &event.prev_hash);
    buffer.push('\t');
    text(buffer, &event.hash);
    buffer.push('\n');
}

async fn rebuild<C>(connection: &mut C, indexes: &[(String, String)], started: &Instant) -> Result
where
    for<'e> &'e mut C: sqlx::Executor<'e>,
{
    for (name, definition) in indexes {
        connection
            .execute(sqlx::AssertSqlSafe(definition.clone()))
            .await?;
        println!(
            "  index {name} rebuilt at {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn progress(written: u64, count: u64, started: &Instant) {
    if written.is_multiple_of(2_000_000) || written == count {
        println!(
            "  {written} events at {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
}
