//! Account administration (secretariat and administrators): create an account or import
//! many from CSV, ask for a fresh link for a lost device, and — a second person — approve
//! those requests and hand out the links (`crate::identity::enrolment_approval`);
//! deactivate (administrators only).
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::account_admin_api::{
    create_account, deactivate_account, import_accounts, list_accounts, reissue_enrolment,
};
use crate::identity::approval_views::Approvals;
use crate::identity::model::{
    title_or_role, AccountRow, CurrentUser, NewAccount, RequestedEnrolment, Role,
};
use crate::identity::session_resource::SessionResource;
use crate::identity::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::table_scroll::TableScroll;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<SessionResource>().0;
    view! {
        <Title text=move || texts(i18n.lang()).admin_title/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match session.await.ok().and_then(|s| s.user) {
                    Some(user) if matches!(user.role, Role::Admin | Role::Secretariat) => {
                        view! { <Accounts viewer=user/> }.into_any()
                    }
                    Some(_) => view! { <ErrorPanel error=AppError::Forbidden/> }.into_any(),
                    None => view! { <ErrorPanel error=AppError::Unauthenticated/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

type LinksAction<I> = Action<I, Result<Vec<RequestedEnrolment>, AppError>>;

#[component]
fn Accounts(viewer: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let create: LinksAction<NewAccount> = Action::new(|account: &NewAccount| {
        let account = account.clone();
        async move { create_account(account).await.map(|l| vec![l]) }
    });
    let import: LinksAction<String> = Action::new(|csv: &String| {
        let csv = csv.clone();
        async move { import_accounts(csv).await }
    });
    let reissue: LinksAction<(String, bool)> = Action::new(|(id, revoke): &(String, bool)| {
        let (id, revoke) = (id.clone(), *revoke);
        async move { reissue_enrolment(id, revoke).await.map(|l| vec![l]) }
    });
    let deactivate = Action::new(|id: &String| {
        let id = id.clone();
        async move { deactivate_account(id).await }
    });
    let accounts = Resource::new(
        move || {
            (
                create.version().get(),
                import.version().get(),
                reissue.version().get(),
                deactivate.version().get(),
            )
        },
        |_| list_accounts(),
    );
    // The outcome of the latest request: who waits for a second person, or what went wrong.
    let outcome = RwSignal::new(None::<Result<Vec<RequestedEnrolment>, AppError>>);
    Effect::new(move |_| {
        // Whichever act finished last is shown.
        for result in [
            create.value().get(),
            import.value().get(),
            reissue.value().get(),
        ]
        .into_iter()
        .flatten()
        {
            outcome.set(Some(result));
        }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = deactivate.value().get() {
            outcome.set(Some(Err(e)));
        }
    });
    let viewer_role = viewer.role;
    let viewer_id = viewer.id;
    let requests_version = Signal::derive(move || {
        (
            create.version().get(),
            import.version().get(),
            reissue.version().get(),
            deactivate.version().get(),
        )
    });
    view! {
        <h1>{move || texts(i18n.lang()).accounts_title}</h1>
        <Outcome outcome/>
        <Approvals requests_version/>
        <div class="two-columns">
            <CreateForm create viewer_role/>
            <ImportForm import/>
        </div>
        <section class="panel" aria-labelledby="accounts-list-title">
            <h2 id="accounts-list-title">{move || texts(i18n.lang()).accounts_list_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(rows) => view! {
                            <AccountTable rows viewer_role viewer_id reissue deactivate/>
                        }
                            .into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Outcome(outcome: RwSignal<Option<Result<Vec<RequestedEnrolment>, AppError>>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match outcome.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> }.into_any()
        }
        Some(Ok(requested)) => view! {
            <section class="panel requested-links" role="status" aria-labelledby="requested-title">
                <h2 id="requested-title">{move || texts(i18n.lang()).requested_links_title}</h2>
                <p>{move || texts(i18n.lang()).requested_links_hint}</p>
                <ul class="plain-list">
                    {requested
                        .into_iter()
                        .map(|r| view! { <li><strong>{r.full_name}</strong></li> })
                        .collect_view()}
                </ul>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn CreateForm(create: LinksAction<NewAccount>, viewer_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let [name, title, ministry, email, phone]: [RwSignal<String>; 5] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let role = RwSignal::new(Role::Member.as_str().to_owned());
    let roles: Vec<Role> = [Role::Member, Role::Guest, Role::Secretariat, Role::Admin]
        .into_iter()
        .filter(|r| viewer_role.may_manage(*r))
        .collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(NewAccount {
            full_name: name.get_untracked(),
            title: title.get_untracked(),
            ministry: ministry.get_untracked(),
            role: role.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
        });
    };
    let field = move |label: fn(&crate::identity::texts::IdentityTexts) -> &'static str,
                      value: RwSignal<String>,
                      kind: &'static str,
                      required: bool| {
        view! {
            <label class="field">
                <span>{move || label(texts(i18n.lang()))}</span>
                <input type=kind required=required bind:value=value/>
            </label>
        }
    };
    view! {
        <form class="panel" on:submit=submit aria-labelledby="create-title">
            <h2 id="create-title">{move || texts(i18n.lang()).account_create_title}</h2>
            {field(|t| t.account_name, name, "text", true)}
            {field(|t| t.account_title_field, title, "text", false)}
            {field(|t| t.account_ministry, ministry, "text", false)}
            <label class="field">
                <span>{move || texts(i18n.lang()).account_role}</span>
                <select on:change=move |ev| role.set(event_target_value(&ev)) prop:value=move || role.get()>
                    {roles
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{move || r.label(i18n.lang())}</option> })
                        .collect_view()}
                </select>
            </label>
            {field(|t| t.account_email, email, "email", true)}
            {field(|t| t.account_phone, phone, "tel", false)}
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {move || texts(i18n.lang()).account_create_button}
            </button>
        </form>
    }
}

#[component]
fn ImportForm(import: LinksAction<String>) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        import.dispatch(text.get_untracked());
    };
    view! {
        <form class="panel" on:submit=submit aria-labelledby="import-title">
            <h2 id="import-title">{move || texts(i18n.lang()).account_import_title}</h2>
            <p class="muted">{move || texts(i18n.lang()).account_import_hint}</p>
            <crate::ui::csv_picker::CsvPicker
                text
                file_label=Signal::derive(move || texts(i18n.lang()).account_import_file.to_owned())
                text_label=Signal::derive(move || texts(i18n.lang()).account_import_text.to_owned())
            />
            <button type="submit" class="button primary" disabled=move || import.pending().get()>
                {move || texts(i18n.lang()).account_import_button}
            </button>
        </form>
    }
}

#[component]
fn AccountTable(
    rows: Vec<AccountRow>,
    viewer_role: Role,
    viewer_id: uuid::Uuid,
    reissue: LinksAction<(String, bool)>,
    deactivate: Action<String, Result<(), AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TableScroll label=move || texts(i18n.lang()).accounts_list_title.to_owned()>
            <table class="accounts">
                <thead>
                    <tr>
                        <th scope="col">{move || texts(i18n.lang()).account_name}</th>
                        <th scope="col">{move || texts(i18n.lang()).account_role}</th>
                        <th scope="col">{move || texts(i18n.lang()).account_email}</th>
                        <th scope="col">{move || texts(i18n.lang()).passkeys_title}</th>
                        <th scope="col">{move || texts(i18n.lang()).actions}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let manageable = viewer_role.may_manage(row.role) && row.active;
                            let can_deactivate = manageable && viewer_role == Role::Admin && row.id != viewer_id;
                            let id = row.id.to_string();
                            let (reissue_id, deactivate_id) = (id.clone(), id.clone());
                            let revoke = RwSignal::new(false);
                            let confirming = RwSignal::new(false);
                            let (title, role, active) = (row.title.clone(), row.role, row.active);
                            let name = row.full_name.clone();
                            view! {
                                <tr class:inactive=!active>
                                    <td>
                                        <strong lang="vi">{row.full_name.clone()}</strong>
                                        <br/>
                                        <span class="muted">{move || title_or_role(title.as_ref(), role, i18n.lang())}</span>
                                    </td>
                                    <td>
                                        {move || role.label(i18n.lang())}
                                        {(!active).then(|| view! { <span class="badge">{move || texts(i18n.lang()).account_inactive}</span> })}
                                    </td>
                                    <td>{row.email.clone()}</td>
                                    <td>{row.passkeys}</td>
                                    <td class="actions">
                                        {manageable.then(|| view! {
                                            <label class="check">
                                                <input type="checkbox" bind:checked=revoke/>
                                                {move || texts(i18n.lang()).revoke_other_passkeys}
                                            </label>
                                            <button
                                                type="button"
                                                class="button"
                                                aria-label=format!("{} — {}", texts(i18n.lang()).reissue_link, name)
                                                on:click=move |_| {
                                                    reissue.dispatch((reissue_id.clone(), revoke.get_untracked()));
                                                }
                                            >
                                                {move || texts(i18n.lang()).reissue_link}
                                            </button>
                                        })}
                                        {can_deactivate.then(|| view! {
                                            <button
                                                type="button"
                                                class="button danger"
                                                on:click=move |_| {
                                                    if confirming.get_untracked() {
                                                        deactivate.dispatch(deactivate_id.clone());
                                                    } else {
                                                        confirming.set(true);
                                                    }
                                                }
                                            >
                                                {move || if confirming.get() { texts(i18n.lang()).deactivate_confirm } else { texts(i18n.lang()).deactivate }}
                                            </button>
                                        })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}
