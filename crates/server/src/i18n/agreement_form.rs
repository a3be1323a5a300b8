//! Texts of the agreement form (registering and editing, SPEC §4): tier and meal tier rows,
//! index regulation (R-AGR-9) and payment terms (R-AGR-10).

pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "agreements.fixed_operating_kr",
        "Fast overføring drift per år (kr)",
        "Fixed transfer, operation, per year (NOK)",
    ),
    (
        "agreements.fixed_rent_kr",
        "Fast overføring leie per år (kr)",
        "Fixed transfer, rent, per year (NOK)",
    ),
    (
        "agreements.tier_field_priority",
        "Prioritet, rad",
        "Priority, row",
    ),
    ("agreements.tier_field_kind", "Type, rad", "Kind, row"),
    (
        "agreements.tier_field_places",
        "Plasser, rad",
        "Places, row",
    ),
    (
        "agreements.tier_field_price",
        "Pris per døgn (kr), rad",
        "Price per day (NOK), row",
    ),
    (
        "agreements.meal_field_priority",
        "Prioritet, kostrad",
        "Priority, meal row",
    ),
    (
        "agreements.meal_field_persons",
        "Personer, kostrad",
        "Persons, meal row",
    ),
    (
        "agreements.meal_field_price",
        "Pris per person per døgn (kr), kostrad",
        "Price per person per day (NOK), meal row",
    ),
    (
        "agreements.meal_tiers",
        "Kost (bare for enheter med kantine)",
        "Meals (only for units with a canteen)",
    ),
    (
        "agreements.meal_tiers_caption",
        "Kosttrinn i prioritert rekkefølge",
        "Meal tiers in order of priority",
    ),
    (
        "agreements.persons_zero",
        "Personer (0 = ingen øvre grense)",
        "Persons (0 = no upper bound)",
    ),
    (
        "agreements.meal_price_kr",
        "Pris per person per døgn (kr)",
        "Price per person per day (NOK)",
    ),
    (
        "agreements.add_meal_row",
        "Legg til kostrad",
        "Add a meal row",
    ),
    (
        "agreements.regulation",
        "Indeksregulering",
        "Index regulation",
    ),
    (
        "agreements.regulated_cpi",
        "Prisene reguleres etter konsumprisindeksen (KPI)",
        "The prices are regulated by the consumer price index (CPI)",
    ),
    (
        "agreements.regulation_hint",
        "Gjelder alle enhetens priser som ikke er 0. Tomme datoer gir standardverdiene.",
        "Applies to every price of the unit that is not 0. Empty dates give the defaults.",
    ),
    (
        "agreements.regulation_month",
        "Reguleringsmåned (1–12)",
        "Regulation month (1–12)",
    ),
    (
        "agreements.regulation_percent",
        "Andel av endringen i KPI (prosent)",
        "Share of the change in the CPI (per cent)",
    ),
    (
        "agreements.regulation_lag",
        "Indeksforsinkelse (måneder)",
        "Index lag (months)",
    ),
    (
        "agreements.regulation_base_date",
        "Dato for basisindeks (tom = varighet fra)",
        "Base index date (empty = valid from)",
    ),
    (
        "agreements.regulation_first_date",
        "Første regulering (tom = reguleringsmåneden året etter start)",
        "First regulation (empty = the regulation month of the year after the start)",
    ),
    ("agreements.payment", "Betalingsvilkår", "Payment terms"),
    (
        "agreements.payment_period",
        "Betalingsperiode",
        "Payment period",
    ),
    ("agreements.period_monthly", "Månedlig", "Monthly"),
    ("agreements.period_quarterly", "Kvartalsvis", "Quarterly"),
    ("agreements.period_yearly", "Årlig", "Yearly"),
    ("agreements.period_one_off", "Engangsbeløp", "One-off"),
    (
        "agreements.in_advance",
        "Betales forskuddsvis (ellers etterskuddsvis)",
        "Paid in advance (otherwise in arrears)",
    ),
    (
        "agreements.first_payment",
        "Første betalingsdato (tom = varighet fra)",
        "First payment date (empty = valid from)",
    ),
    ("agreements.edit", "Endre avtale", "Edit the agreement"),
    ("agreements.edit_link", "Endre", "Edit"),
    ("agreements.save", "Lagre endringene", "Save the changes"),
    (
        "agreements.stale",
        "Noen andre har endret avtalen etter at du åpnet skjemaet. Det du skrev, står under. Sammenlign med avtalesiden, og lagre igjen for å erstatte den andre endringen.",
        "Someone else changed the agreement after you opened the form. What you typed is below. Compare it with the agreement's page, and save again to replace the other change.",
    ),
];
