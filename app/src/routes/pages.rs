//! Every page as a lazily loaded route: the WebAssembly bundle is split by group of pages.
//!
//! Built with `cargo leptos build --split` (every build must pass it, as docs/development.md's, `.ci/`'s
//! and `bench/run`'s commands do: without it the `#[lazy]` functions import from a
//! placeholder module that only the split replaces). Each group's views, and the decoders of
//! the server functions only they call, go to modules of their own, which the browser loads
//! with the page; the server names them in the page's `<head>`, so they download alongside
//! the main bundle. What every page shares (Leptos, the layout, the texts) stays in the main
//! bundle. See `BENCHMARKS.md`, figure 6.
//!
//! Each page is a component without props that reads its parameters from the router; the
//! route only loads its code. Data loading stays in the page (its resources), as before. The
//! bundle is hydrated once the page's modules are loaded (`hydrate` in `lib.rs`).
// The split loader that `#[lazy]` generates declares its imports with `unsafe`.
#![allow(unsafe_code)]

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The groups whose modules a render has named in its `<head>` (one per request).
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct HintedGroups(ArcStoredValue<std::collections::HashSet<&'static str>>);

/// Name in the page's `<head>` the modules of the group `load` (its split point and the
/// modules it shares with others, from the split's manifest), so that they download alongside
/// the main bundle instead of after it has started. Leptos 0.8's own hints for split modules
/// are never written: it reads the manifest outside the render's reactive owner, where it is
/// not found. At low priority: over HTTP/1.1's six connections per site, a page's first
/// picture (the reader's) would otherwise wait behind dozens of modules.
#[cfg(feature = "ssr")]
fn preload_in_head(load: &'static str) {
    use leptos_meta::Link;

    // A page's route view runs more than once in a render; name its modules once.
    let first = use_context::<HintedGroups>()
        .and_then(|hinted| hinted.0.try_update_value(|groups| groups.insert(load)))
        .unwrap_or(true);
    if !first {
        return;
    }
    let Some(manifest) = use_context::<leptos::WasmSplitManifest>() else {
        return; // a build without `--split`
    };
    let Some(manifest) = manifest.0.try_read_value() else {
        return;
    };
    let (pkg, modules, loader) = &*manifest;
    // The manifest's keys are the split points' names followed by `_` and a hash.
    let group = modules
        .iter()
        .filter(|(key, _)| key.rsplit_once('_').is_some_and(|(name, _)| name == load))
        .flat_map(|(_, files)| files);
    for module in group {
        // Rendering a meta component registers it with the page's `<head>`.
        let _ = view! {
            <Link
                rel="preload"
                href=format!("{pkg}/{module}.wasm")
                as_="fetch"
                type_="application/wasm"
                crossorigin="anonymous"
                fetchpriority="low"
            />
        }
        .to_html();
    }
    let _ = view! { <Link rel="modulepreload" href=format!("{pkg}/{loader}") crossorigin="anonymous"/> }
        .to_html();
}

/// One lazily loaded module for a group of pages, and a route type per page of it.
///
/// Pages are grouped by who opens them together: each split point is a module, and code that
/// several split points share goes to a module for each distinct set of them, so a split point
/// per page made about 200 small modules for the meeting page alone (a request each).
///
/// `load / preload`: the group's split point, and the loader `#[lazy]` generates beside it in
/// the browser build (`__preload_` and the split point's name, spelt out as `macro_rules!`
/// cannot build a name).
macro_rules! page_group {
    (
        $(#[$doc:meta])*
        $load:ident / $preload:ident, $group:ident { $($route:ident => $page:path),+ $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub enum $group {
            $($route),+
        }

        #[lazy]
        fn $load(page: $group) -> AnyView {
            match page {
                $($group::$route => {
                    use $page as Page;
                    view! { <Page/> }.into_any()
                })+
            }
        }

        $(
            #[doc = concat!("The route of `", stringify!($page), "`.")]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                // Loads the group's module while the route's data loads: hydration needs the
                // page's code at hand, or it finds the server's markup where it expected the
                // placeholder of a page still loading.
                async fn preload() {
                    #[cfg(feature = "hydrate")]
                    $preload().await;
                }

                async fn view(_this: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    preload_in_head(stringify!($load));
                    $load($group::$route).await
                }
            }
        )+
    };
}

page_group!(
    /// A member's meetings: the list and a meeting's page.
    meetings_pages / __preload_meetings_pages, MeetingsPages {
        Meetings => crate::meetings::views::MeetingsPage,
        Meeting => crate::routes::composed::MeetingWithNotes,
    }
);
page_group!(
    /// Reading: a document in the reader, and search.
    reading_pages / __preload_reading_pages, ReadingPages {
        Reader => crate::documents::reader_views::ReaderPage,
        Search => crate::search::views::SearchPage,
    }
);
page_group!(
    /// Written-opinion ballots.
    ballot_pages / __preload_ballot_pages, BallotPages {
        Ballots => crate::ballots::views::BallotsPage,
        Ballot => crate::routes::composed::BallotWithRemoval,
        BallotSummary => crate::ballots::views::result::BallotSummaryPage,
    }
);
page_group!(
    /// Follow-up tasks.
    task_pages / __preload_task_pages, TaskPages {
        Tasks => crate::tasks::views::TasksPage,
        Task => crate::tasks::views::task_page::TaskPage,
    }
);
page_group!(
    /// Ministries' submissions.
    submission_pages / __preload_submission_pages, SubmissionPages {
        Submissions => crate::submissions::views::SubmissionsPage,
        Submission => crate::submissions::views::page::SubmissionPage,
    }
);
page_group!(
    /// The live meeting and what it concludes.
    room_pages / __preload_room_pages, RoomPages {
        Room => crate::room::views::RoomPage,
        Minutes => crate::room::minutes_views::MinutesPage,
        Conclusions => crate::room::minutes_views::ConclusionsPage,
    }
);
page_group!(
    /// The secretariat preparing a meeting.
    preparing_pages / __preload_preparing_pages, PreparingPages {
        NewMeeting => crate::meetings::editing::views::NewMeetingPage,
        EditMeeting => crate::meetings::editing::views::EditMeetingPage,
        Readiness => crate::meetings::readiness_views::ReadinessPage,
    }
);
page_group!(
    /// What the system measures, and its audit trail.
    oversight_pages / __preload_oversight_pages, OversightPages {
        Analytics => crate::analytics::views::AnalyticsPage,
        Audit => crate::audit_log::views::AuditPage,
    }
);
page_group!(
    /// Signing in, passkeys and accounts.
    identity_pages / __preload_identity_pages, IdentityPages {
        SignIn => crate::identity::views::SignInPage,
        Enrol => crate::identity::passkey_views::EnrolPage,
        Account => crate::identity::my_account_views::AccountPage,
        Admin => crate::identity::account_admin_views::AdminPage,
    }
);
