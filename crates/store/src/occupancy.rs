//! A centre's occupancy per day (R-OCC-2): derived from its stays, or entered as daily counts;
//! and the months it has approved (R-OCC-3), which claims read.

use chrono::NaiveDate;
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::occupancy::{MonthOccupancy, StaySpan, daily_counts};
use mottak_domain::place_types::PlaceType;
use sqlx::AnyConnection;

use crate::{Store, StoreError, WriteTx, timestamp};

/// Who approved a month, and when.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Approval {
    pub approved_by: String,
    pub approved_at: String,
}

/// The month's occupancy of a centre as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CentreMonth {
    /// Counted from stays (`true`) or entered (`false`).
    pub from_stays: bool,
    pub occupancy: MonthOccupancy,
    pub approval: Option<Approval>,
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn stored_date(text: &str) -> Result<NaiveDate, StoreError> {
    parse_date(text).ok_or_else(|| StoreError::Conflict(format!("stored date {text}")))
}

async fn stay_spans(
    connection: &mut AnyConnection,
    centre_id: i64,
    month: Month,
) -> Result<Vec<StaySpan>, StoreError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT place_type, from_date, to_date FROM stays WHERE centre_id = $1 \
         AND from_date < $2 AND (to_date IS NULL OR to_date > $3)",
    )
    .bind(centre_id)
    .bind(iso(month.end()))
    .bind(iso(month.first_day()))
    .fetch_all(connection)
    .await?;
    rows.into_iter()
        .map(|(place_type, from, to)| {
            Ok(StaySpan {
                place_type: PlaceType::from_code(&place_type)
                    .ok_or_else(|| StoreError::Conflict(format!("place type {place_type}")))?,
                from: stored_date(&from)?,
                to: to.as_deref().map(stored_date).transpose()?,
            })
        })
        .collect()
}

async fn read_month(
    connection: &mut AnyConnection,
    centre_id: i64,
    place_type: PlaceType,
    month: Month,
) -> Result<CentreMonth, StoreError> {
    let spans = stay_spans(&mut *connection, centre_id, month).await?;
    let from_stays = !spans.is_empty();
    let occupancy = if from_stays {
        daily_counts(month, spans)
    } else {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT day, residents FROM occupancy_days WHERE centre_id = $1 \
             AND day >= $2 AND day < $3",
        )
        .bind(centre_id)
        .bind(iso(month.first_day()))
        .bind(iso(month.end()))
        .fetch_all(&mut *connection)
        .await?;
        let mut occupancy = MonthOccupancy::empty(month);
        if !rows.is_empty() {
            let mut days = vec![0u32; month.days() as usize];
            for (day, residents) in rows {
                let index = (stored_date(&day)? - month.first_day()).num_days() as usize;
                days[index] = u32::try_from(residents).unwrap_or(0);
            }
            occupancy.counts.insert(place_type, days);
        }
        occupancy
    };
    let approval = sqlx::query_as::<_, Approval>(
        "SELECT approved_by, approved_at FROM occupancy_approvals \
         WHERE centre_id = $1 AND month = $2",
    )
    .bind(centre_id)
    .bind(month.to_string())
    .fetch_optional(&mut *connection)
    .await?;
    Ok(CentreMonth {
        from_stays,
        occupancy,
        approval,
    })
}

impl Store {
    /// The month of a centre whose place type is `place_type` (entered counts are of that type).
    pub async fn centre_month(
        &self,
        centre_id: i64,
        place_type: PlaceType,
        month: Month,
    ) -> Result<CentreMonth, StoreError> {
        let mut connection = self.pool.acquire().await?;
        read_month(&mut connection, centre_id, place_type, month).await
    }

    /// For claims: the approved occupancy of a centre and month, per place type and day (a
    /// stay's place type is its centre's); `None` while the month is not approved (R-OCC-3).
    pub async fn approved_occupancy(
        &self,
        centre_id: i64,
        place_type: PlaceType,
        month: Month,
    ) -> Result<Option<MonthOccupancy>, StoreError> {
        let month = self.centre_month(centre_id, place_type, month).await?;
        Ok(month.approval.is_some().then_some(month.occupancy))
    }
}

impl WriteTx {
    /// The approved months of a centre from `from` on, `YYYY-MM`.
    pub async fn approved_months_from(
        &mut self,
        centre_id: i64,
        from: Month,
    ) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT month FROM occupancy_approvals WHERE centre_id = $1 AND month >= $2 \
             ORDER BY month",
        )
        .bind(centre_id)
        .bind(from.to_string())
        .fetch_all(self.connection())
        .await?;
        Ok(rows.into_iter().map(|(month,)| month).collect())
    }

    /// The month as it is under the write lock.
    pub async fn centre_month(
        &mut self,
        centre_id: i64,
        place_type: PlaceType,
        month: Month,
    ) -> Result<CentreMonth, StoreError> {
        read_month(self.connection(), centre_id, place_type, month).await
    }

    /// Replaces the month's entered counts: days not given are 0 and not stored.
    pub async fn replace_daily_counts(
        &mut self,
        centre_id: i64,
        month: Month,
        days: &[(NaiveDate, u32)],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM occupancy_days WHERE centre_id = $1 AND day >= $2 AND day < $3")
            .bind(centre_id)
            .bind(iso(month.first_day()))
            .bind(iso(month.end()))
            .execute(self.connection())
            .await?;
        for (day, residents) in days.iter().filter(|(_, residents)| *residents > 0) {
            sqlx::query(
                "INSERT INTO occupancy_days (centre_id, day, residents) VALUES ($1, $2, $3)",
            )
            .bind(centre_id)
            .bind(iso(*day))
            .bind(i64::from(*residents))
            .execute(self.connection())
            .await?;
        }
        Ok(())
    }

    /// Marks the month approved; approving again keeps the first approval.
    pub async fn approve_month(
        &mut self,
        centre_id: i64,
        month: Month,
        approved_by: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO occupancy_approvals (centre_id, month, approved_by, approved_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (centre_id, month) DO NOTHING",
        )
        .bind(centre_id)
        .bind(month.to_string())
        .bind(approved_by)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await?;
        Ok(())
    }
}
