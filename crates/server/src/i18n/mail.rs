//! The reminder e-mail's texts (issue 15 item 8). `{name}`, `{count}`, `{url}` are filled in.

pub const TEXTS: &[(&str, &str, &str)] = &[
    (
        "mail.reminder.subject",
        "Påminnelse: {count} oppgaver forfaller snart eller er forfalt",
        "Reminder: {count} tasks due soon or overdue",
    ),
    ("mail.reminder.greeting", "Hei {name},", "Hello {name},"),
    (
        "mail.reminder.intro",
        "Disse oppgavene har frist innen tre arbeidsdager eller er forfalt:",
        "These tasks are due within three working days or overdue:",
    ),
    ("mail.reminder.due", "frist", "due"),
    ("mail.reminder.overdue", "forfalt", "overdue"),
    (
        "mail.reminder.more",
        "… og {count} oppgaver til",
        "… and {count} more tasks",
    ),
    (
        "mail.reminder.link",
        "Alle oppgavene dine: {url}",
        "All your tasks: {url}",
    ),
    (
        "mail.reminder.footer",
        "Denne e-posten er sendt av mottak. Du får den fordi e-postadressen din er registrert på brukeren din.",
        "This e-mail was sent by mottak because your e-mail address is on your account.",
    ),
];
