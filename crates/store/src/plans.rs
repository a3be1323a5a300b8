//! Plans on centres (SPEC §6): the template versions they were started from, the plans and
//! their tasks with seed 000's checklist columns. Dates are ISO text, as everywhere.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

/// A plan as stored.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct PlanRecord {
    pub id: i64,
    pub centre_id: i64,
    pub agreement_id: i64,
    pub template_key: String,
    pub template_version: i64,
    /// 1 when the operator was experienced at the start.
    pub experienced: i64,
    pub started_at: String,
    pub started_by: String,
}

/// A task as stored; `status` is `open`, `done` or `not_needed`.
#[derive(Clone, Debug, Default, PartialEq, Eq, FromRow)]
pub struct TaskRecord {
    pub position: i64,
    pub item_key: String,
    pub due: Option<String>,
    pub timing: String,
    pub status: String,
    pub reason: Option<String>,
    pub ordered_on: Option<String>,
    pub feedback_on: Option<String>,
    pub followed_up_on: Option<String>,
    pub done_on: Option<String>,
}

/// A plan to start: its centre, agreement and template version.
pub struct NewPlan<'a> {
    pub centre_id: i64,
    pub agreement_id: i64,
    pub template_key: &'a str,
    pub template_version: i64,
    /// The template as the domain writes it, stored once per version.
    pub template_document: &'a str,
    pub experienced: bool,
    pub started_by: &'a str,
}

/// An open task with its plan and centre, for work lists ("my tasks").
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct OpenTask {
    pub plan_id: i64,
    pub template_key: String,
    pub template_version: i64,
    pub position: i64,
    pub item_key: String,
    pub due: Option<String>,
    pub timing: String,
    pub centre_id: i64,
    pub centre_number: String,
    pub centre_name: String,
    pub region: String,
}

/// A template's latest stored version and document.
const LATEST_TEMPLATE: &str =
    "SELECT version, document FROM plan_templates WHERE key = $1 ORDER BY version DESC LIMIT 1";

const PLAN_COLUMNS: &str = "id, centre_id, agreement_id, template_key, template_version, \
    experienced, started_at, started_by";
const TASK_COLUMNS: &str = "position, item_key, due, timing, status, reason, ordered_on, \
    feedback_on, followed_up_on, done_on";

impl Store {
    pub async fn plan(&self, id: i64) -> Result<PlanRecord, StoreError> {
        let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE id = $1");
        sqlx::query_as::<_, PlanRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// A centre's plans, the latest first.
    pub async fn plans_of_centre(&self, centre_id: i64) -> Result<Vec<PlanRecord>, StoreError> {
        let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE centre_id = $1 ORDER BY id DESC");
        Ok(sqlx::query_as::<_, PlanRecord>(sqlx::AssertSqlSafe(sql))
            .bind(centre_id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// The template document a plan was started from.
    pub async fn plan_template(&self, key: &str, version: i64) -> Result<String, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT document FROM plan_templates WHERE key = $1 AND version = $2")
                .bind(key)
                .bind(version)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(document,)| document).ok_or(StoreError::NotFound)
    }

    pub async fn plan_tasks(&self, plan_id: i64) -> Result<Vec<TaskRecord>, StoreError> {
        let sql =
            format!("SELECT {TASK_COLUMNS} FROM plan_tasks WHERE plan_id = $1 ORDER BY position");
        Ok(sqlx::query_as::<_, TaskRecord>(sqlx::AssertSqlSafe(sql))
            .bind(plan_id)
            .fetch_all(&self.pool)
            .await?)
    }
}

impl Store {
    /// The open tasks of every plan, or of the centres of one region; unordered (the order
    /// depends on today, see `domain::plans::work_order`).
    pub async fn open_tasks(&self, region: Option<&str>) -> Result<Vec<OpenTask>, StoreError> {
        self.first_open_tasks(region, None).await
    }

    /// The first `first.1` open tasks in work order as of the ISO day `first.0` (overdue first by
    /// due date, then dated, then waiting for an event; `domain::plans::work_order`), or every
    /// open task: the work list's first page stays fast however many plans a region runs.
    pub async fn first_open_tasks(
        &self,
        region: Option<&str>,
        first: Option<(&str, i64)>,
    ) -> Result<Vec<OpenTask>, StoreError> {
        let mut sql = open_task_query(
            "p.id AS plan_id, p.template_key, p.template_version, t.position, t.item_key, \
             t.due, t.timing, c.id AS centre_id, c.number AS centre_number, \
             c.name AS centre_name, c.region",
            region.is_some(),
        );
        if first.is_some() {
            let today = if region.is_some() { "$2" } else { "$1" };
            let limit = if region.is_some() { "$3" } else { "$2" };
            sql.push_str(&format!(
                " ORDER BY CASE WHEN t.due IS NULL THEN 2 \
                 WHEN t.timing = 'by' AND t.due < {today} THEN 0 ELSE 1 END, \
                 t.due, c.number, p.id, t.position LIMIT {limit}"
            ));
        }
        let mut query = sqlx::query_as::<_, OpenTask>(sqlx::AssertSqlSafe(sql));
        if let Some(region) = region {
            query = query.bind(region);
        }
        if let Some((today, limit)) = first {
            query = query.bind(today).bind(limit);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// How many open tasks the region (or every region) has, due soon or not.
    pub async fn count_open_tasks(&self, region: Option<&str>) -> Result<i64, StoreError> {
        let sql = open_task_query("COUNT(*)", region.is_some());
        let mut query = sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql));
        if let Some(region) = region {
            query = query.bind(region);
        }
        Ok(query.fetch_one(&self.pool).await?.0)
    }
}

impl Store {
    /// The latest stored version of template `key`: `(version, document)`.
    pub async fn latest_plan_template(
        &self,
        key: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(LATEST_TEMPLATE)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }
}

impl WriteTx {
    /// [`Store::latest_plan_template`], read inside the write.
    pub async fn latest_plan_template_in(
        &mut self,
        key: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(LATEST_TEMPLATE)
            .bind(key)
            .fetch_optional(self.connection())
            .await?)
    }

    /// Stores a revised template's version; `Conflict` when that version exists already (a
    /// revision made at the same time).
    pub async fn insert_plan_template(
        &mut self,
        key: &str,
        version: i64,
        document: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO plan_templates (key, version, document, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(key)
        .bind(version)
        .bind(document)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }
}

impl WriteTx {
    /// The template keys of a centre's plans with the agreement each was started from.
    pub async fn plan_keys_of_centre_in(
        &mut self,
        centre_id: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT agreement_id, template_key FROM plans WHERE centre_id = $1 ORDER BY id",
        )
        .bind(centre_id)
        .fetch_all(self.connection())
        .await?)
    }

    /// The plans started from an agreement (re-dated when its end moves).
    pub async fn plans_of_agreement(
        &mut self,
        agreement_id: i64,
    ) -> Result<Vec<PlanRecord>, StoreError> {
        let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE agreement_id = $1 ORDER BY id");
        Ok(sqlx::query_as::<_, PlanRecord>(sqlx::AssertSqlSafe(sql))
            .bind(agreement_id)
            .fetch_all(self.connection())
            .await?)
    }

    /// A plan's template document, read inside the write.
    pub async fn plan_template_in(
        &mut self,
        key: &str,
        version: i64,
    ) -> Result<String, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT document FROM plan_templates WHERE key = $1 AND version = $2")
                .bind(key)
                .bind(version)
                .fetch_optional(self.connection())
                .await?;
        row.map(|(document,)| document).ok_or(StoreError::NotFound)
    }

    /// The responsible region of a plan's centre (its events' scope, R-LOG-4).
    pub async fn centre_region_in(&mut self, centre_id: i64) -> Result<String, StoreError> {
        let (region,): (String,) = sqlx::query_as("SELECT region FROM centres WHERE id = $1")
            .bind(centre_id)
            .fetch_one(self.connection())
            .await?;
        Ok(region)
    }

    /// A plan's tasks, read inside the write.
    pub async fn plan_tasks_in(&mut self, plan_id: i64) -> Result<Vec<TaskRecord>, StoreError> {
        let sql =
            format!("SELECT {TASK_COLUMNS} FROM plan_tasks WHERE plan_id = $1 ORDER BY position");
        Ok(sqlx::query_as::<_, TaskRecord>(sqlx::AssertSqlSafe(sql))
            .bind(plan_id)
            .fetch_all(self.connection())
            .await?)
    }

    /// Stores the plan with its tasks (positions as given) and returns its id.
    pub async fn insert_plan(
        &mut self,
        plan: &NewPlan<'_>,
        tasks: &[TaskRecord],
    ) -> Result<i64, StoreError> {
        let now = timestamp(chrono::Utc::now());
        sqlx::query(
            "INSERT INTO plan_templates (key, version, document, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (key, version) DO NOTHING",
        )
        .bind(plan.template_key)
        .bind(plan.template_version)
        .bind(plan.template_document)
        .bind(&now)
        .execute(self.connection())
        .await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO plans (centre_id, agreement_id, template_key, template_version, \
             experienced, started_at, started_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             RETURNING id",
        )
        .bind(plan.centre_id)
        .bind(plan.agreement_id)
        .bind(plan.template_key)
        .bind(plan.template_version)
        .bind(i64::from(plan.experienced))
        .bind(&now)
        .bind(plan.started_by)
        .fetch_one(self.connection())
        .await?;
        for task in tasks {
            sqlx::query(
                "INSERT INTO plan_tasks (plan_id, position, item_key, due, timing, status) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(task.position)
            .bind(&task.item_key)
            .bind(&task.due)
            .bind(&task.timing)
            .bind(&task.status)
            .execute(self.connection())
            .await?;
        }
        Ok(id)
    }

    /// The task as read inside the write, or `NotFound`.
    pub async fn plan_task(
        &mut self,
        plan_id: i64,
        position: i64,
    ) -> Result<TaskRecord, StoreError> {
        let sql =
            format!("SELECT {TASK_COLUMNS} FROM plan_tasks WHERE plan_id = $1 AND position = $2");
        sqlx::query_as::<_, TaskRecord>(sqlx::AssertSqlSafe(sql))
            .bind(plan_id)
            .bind(position)
            .fetch_optional(self.connection())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Writes a task's due date, state and checklist dates.
    pub async fn update_plan_task(
        &mut self,
        plan_id: i64,
        task: &TaskRecord,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE plan_tasks SET due = $3, status = $4, reason = $5, ordered_on = $6, \
             feedback_on = $7, followed_up_on = $8, done_on = $9 \
             WHERE plan_id = $1 AND position = $2",
        )
        .bind(plan_id)
        .bind(task.position)
        .bind(&task.due)
        .bind(&task.status)
        .bind(&task.reason)
        .bind(&task.ordered_on)
        .bind(&task.feedback_on)
        .bind(&task.followed_up_on)
        .bind(&task.done_on)
        .execute(self.connection())
        .await?;
        Ok(())
    }
}

/// The open tasks' query selecting `columns`, of one region (`$1`) when asked.
fn open_task_query(columns: &str, by_region: bool) -> String {
    let mut sql = format!(
        "SELECT {columns} FROM plan_tasks t JOIN plans p ON p.id = t.plan_id \
         JOIN centres c ON c.id = p.centre_id WHERE t.status = 'open'"
    );
    if by_region {
        sql.push_str(" AND c.region = $1");
    }
    sql
}
