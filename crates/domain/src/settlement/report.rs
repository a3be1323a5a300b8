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

/// The figures per county (R-SET-7): each county the sum of its municipalities', counties by
/// number. `rows` pairs each municipality's county number with its figures.
pub fn county_figures<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a Figures)>,
) -> Vec<(String, Figures)> {
    let mut counties: std::collections::BTreeMap<String, Figures> = Default::default();
    for (county, figures) in rows {
        let sum = counties.entry(county.to_owned()).or_default();
        *sum = sum.add(*figures);
    }
    counties.into_iter().collect()
}

/// Which of a year's figures a drill-down lists the records of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Requested,
    Decided,
    Offered,
    Accepted,
    Settled,
}

impl Figure {
    pub const ALL: [Figure; 5] = [
        Figure::Requested,
        Figure::Decided,
        Figure::Offered,
        Figure::Accepted,
        Figure::Settled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Figure::Requested => "requested",
            Figure::Decided => "decided",
            Figure::Offered => "offered",
            Figure::Accepted => "accepted",
            Figure::Settled => "settled",
        }
    }

    pub fn parse(text: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|figure| figure.code() == text)
    }

    /// This figure of `figures`.
    pub fn of(self, figures: &Figures) -> i64 {
        match self {
            Figure::Requested => figures.requested,
            Figure::Decided => figures.decided,
            Figure::Offered => figures.offered,
            Figure::Accepted => figures.accepted,
            Figure::Settled => figures.settled,
        }
    }
}

#[cfg(test)]
mod county_tests {
    use super::*;

    fn figures(requested: i64, settled: i64) -> Figures {
        Figures {
            requested,
            settled,
            ..Figures::default()
        }
    }

    #[test]
    fn r_set_7_counties_sum_their_municipalities_and_reconcile_with_the_nation() {
        let bergen = figures(120, 3);
        let voss = figures(20, 1);
        let oslo = figures(300, 0);
        let rows = [("46", &bergen), ("46", &voss), ("03", &oslo)];
        let counties = county_figures(rows);
        assert_eq!(
            counties,
            vec![
                ("03".to_owned(), figures(300, 0)),
                ("46".to_owned(), figures(140, 4))
            ]
        );
        let by_county: Vec<Figures> = counties.iter().map(|(_, figures)| *figures).collect();
        assert_eq!(
            national_figures(&by_county),
            national_figures([&bergen, &voss, &oslo])
        );
        for figure in Figure::ALL {
            assert_eq!(Figure::parse(figure.code()), Some(figure));
        }
        assert_eq!(Figure::Settled.of(&bergen), 3);
    }
}
