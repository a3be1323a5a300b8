//! The yearly settlement report (R-SET-7): persons requested, decided (approved decisions),
//! offered (every offer of the year, declined ones included), accepted and settled.

/// One municipality's or the nation's figures, in persons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub requested: i64,
    pub decided: i64,
    pub offered: i64,
    pub accepted: i64,
    pub settled: i64,
}

impl Figures {
    fn add(self, other: Figures) -> Figures {
        Figures {
            requested: self.requested + other.requested,
            decided: self.decided + other.decided,
            offered: self.offered + other.offered,
            accepted: self.accepted + other.accepted,
            settled: self.settled + other.settled,
        }
    }
}

/// The national figures: the sum of every municipality's, so the report reconciles.
pub fn national_figures<'a>(rows: impl IntoIterator<Item = &'a Figures>) -> Figures {
    rows.into_iter()
        .fold(Figures::default(), |sum, row| sum.add(*row))
}
