//! The PDF child's sandbox. A PDF is hostile until read, and its readers (lopdf, pdf-extract,
//! poppler's `pdftoppm` in C) are large parsers: one that is made to run code must find nothing
//! to take and nowhere to send it. Before it reads its input the child, in order: leaves root
//! for `nobody` (when the server runs as root); lowers its limits on open files, file size,
//! core dumps and (as `nobody`) processes; keeps to the system's read-only files with Landlock
//! (no data directory, no `/proc`, no `/tmp`, no network); and refuses, with a seccomp filter,
//! the system calls a reader has no use for (sockets, tracing, namespaces, mounts, kernel keys,
//! BPF, leaving the process group the server kills). `no_new_privs` is set. All of it is
//! inherited by the threads it starts and by `pdftoppm`. It fails closed: a child that cannot
//! enter the sandbox reads nothing (`pdf_child::run` exits 4).
//!
//! Every step here acts on the calling thread only (Linux credentials, Landlock and seccomp are
//! per thread): it holds for the process because the child has one thread when it starts
//! (`main.rs` runs the child before any runtime) and every later thread inherits it.
use std::collections::BTreeMap;

use landlock::{
    path_beneath_rules, Access, AccessFs, AccessNet, RestrictionStatus, Ruleset, RulesetAttr,
    RulesetCreatedAttr, RulesetError, RulesetStatus, Scope, ABI,
};
use rlimit::Resource;
use rustix::process::{getegid, geteuid, getgid, getuid};
use rustix::thread::{
    no_new_privs, set_thread_groups, set_thread_res_gid, set_thread_res_uid, Gid, Uid,
};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};

/// `nobody` and `nogroup` (Debian): the ids of no file, process or service.
const NOBODY: u32 = 65534;

/// The Landlock rights handled, as of the ABI tested here: files, TCP and (ABI 6) abstract
/// UNIX sockets and signals to processes outside the sandbox. Later ABIs add logging, UNIX
/// socket paths and UDP, which the seccomp filter's refusal of sockets covers. An older kernel
/// enforces what it knows (best effort); one without Landlock is refused ([`enter`]).
const TARGET: ABI = ABI::V6;

/// Read and execute, nothing else: programs and libraries (merged `/usr`; whichever of the
/// others exist, through their symlinks), the dynamic loader's cache, and the fonts `pdftoppm`
/// may substitute (fontconfig's settings and its cache).
const READABLE: &[&str] = &[
    "/usr",
    "/lib",
    "/lib64",
    "/bin",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/fonts",
    "/var/cache/fontconfig",
];

/// Refused with EPERM: sockets (the network and local services), tracing and other
/// processes' memory, namespaces, mounts and file handles, kernel keys, BPF, perf, io_uring,
/// `userfaultfd`, modules, swap, reboot, accounting, quotas, execution domains, and leaving the
/// process group the server kills at the time limit (`setsid`, `setpgid`).
const DENIED: &[i64] = &[
    libc::SYS_socket,
    libc::SYS_socketpair,
    libc::SYS_connect,
    libc::SYS_bind,
    libc::SYS_listen,
    libc::SYS_accept,
    libc::SYS_accept4,
    libc::SYS_ptrace,
    libc::SYS_process_vm_readv,
    libc::SYS_process_vm_writev,
    libc::SYS_unshare,
    libc::SYS_setns,
    libc::SYS_mount,
    libc::SYS_umount2,
    libc::SYS_pivot_root,
    libc::SYS_chroot,
    libc::SYS_fsopen,
    libc::SYS_fsconfig,
    libc::SYS_fsmount,
    libc::SYS_fspick,
    libc::SYS_move_mount,
    libc::SYS_open_tree,
    libc::SYS_mount_setattr,
    libc::SYS_open_by_handle_at,
    libc::SYS_name_to_handle_at,
    libc::SYS_keyctl,
    libc::SYS_add_key,
    libc::SYS_request_key,
    libc::SYS_bpf,
    libc::SYS_perf_event_open,
    libc::SYS_userfaultfd,
    libc::SYS_io_uring_setup,
    libc::SYS_io_uring_enter,
    libc::SYS_io_uring_register,
    libc::SYS_kexec_load,
    libc::SYS_kexec_file_load,
    libc::SYS_init_module,
    libc::SYS_finit_module,
    libc::SYS_delete_module,
    libc::SYS_swapon,
    libc::SYS_swapoff,
    libc::SYS_reboot,
    libc::SYS_acct,
    libc::SYS_quotactl,
    libc::SYS_personality,
    libc::SYS_setsid,
    libc::SYS_setpgid,
];

/// `clone` is refused (EPERM) with any of these: new namespaces, as `unshare` would make.
const NAMESPACES: &[libc::c_int] = &[
    libc::CLONE_NEWNS,
    libc::CLONE_NEWCGROUP,
    libc::CLONE_NEWUTS,
    libc::CLONE_NEWIPC,
    libc::CLONE_NEWUSER,
    libc::CLONE_NEWPID,
    libc::CLONE_NEWNET,
];

/// x86_64's x32 system calls (numbers with this bit) pass the filter's architecture check:
/// each refused call is refused under its x32 number too, and so are x32's own `ptrace`,
/// `kexec_load`, `process_vm_readv` and `process_vm_writev` (521, 528, 539, 540; no call of
/// the 64-bit interface has these numbers).
const X32: i64 = 0x4000_0000;
const X32_ONLY: &[i64] = &[521, 528, 539, 540];

/// Enter the sandbox, or say why not. `threads`: how many threads the child may run (its
/// reader's pool), measured before the sandbox hides `/sys` and `/proc`.
pub fn enter(threads: usize) -> Result<(), String> {
    let nobody = leave_root()?;
    // Pipes are not files: the child writes only to its pipes (and `pdftoppm` to /dev/null).
    limit(Resource::FSIZE, 0)?;
    limit(Resource::CORE, 0)?;
    limit(Resource::NOFILE, 64)?;
    if nobody {
        // Counted per user, over every process (and thread) of `nobody` on the machine: room
        // for several children at once, each with its reader's threads, `pdftoppm` and the
        // thread feeding it. Not set when the server runs as another user: that user's own
        // processes (the server's threads) would count.
        let per_child = u64::try_from(threads).unwrap_or(u64::MAX).saturating_add(8);
        limit(Resource::NPROC, per_child.saturating_mul(8).max(64))?;
    }
    let status = landlock().map_err(|e| format!("landlock: {e}"))?;
    // Fail closed on a kernel without Landlock (or where it is disabled); an older one enforces
    // part of the rights (its files at least), which the seccomp filter completes.
    if status.ruleset == RulesetStatus::NotEnforced {
        return Err("landlock: not enforced (Linux 5.13 or later, Landlock enabled)".to_owned());
    }
    seccomp().map_err(|e| format!("seccomp: {e}"))?;
    if !no_new_privs().unwrap_or(false) {
        return Err("no_new_privs is not set".to_owned());
    }
    Ok(())
}

/// As root: become `nobody` with no supplementary groups, for good. Whether it did.
fn leave_root() -> Result<bool, String> {
    if !geteuid().is_root() {
        return Ok(false);
    }
    let (uid, gid) = (Uid::from_raw(NOBODY), Gid::from_raw(NOBODY));
    set_thread_groups(&[]).map_err(|e| format!("setgroups: {e}"))?;
    set_thread_res_gid(gid, gid, gid).map_err(|e| format!("setresgid: {e}"))?;
    set_thread_res_uid(uid, uid, uid).map_err(|e| format!("setresuid: {e}"))?;
    // Fail closed: no id is left root, and root cannot be taken back.
    let still_root = getuid().is_root()
        || geteuid().is_root()
        || getgid().is_root()
        || getegid().is_root()
        || set_thread_res_uid(Uid::ROOT, Uid::ROOT, Uid::ROOT).is_ok();
    if still_root {
        return Err("root could not be left".to_owned());
    }
    Ok(true)
}

/// Lower a limit (soft and hard) to `value`, or to the hard limit if that is already lower.
fn limit(resource: Resource, value: u64) -> Result<(), String> {
    let name = resource.as_name();
    let (_, hard) = rlimit::getrlimit(resource).map_err(|e| format!("{name}: {e}"))?;
    let value = value.min(hard);
    rlimit::setrlimit(resource, value, value).map_err(|e| format!("{name}: {e}"))
}

/// Landlock: read and execute [`READABLE`], read and write `/dev/null` (what `pdftoppm`'s
/// error messages go to); no other file, no TCP, no signal or abstract socket outside.
/// `restrict_self` also sets `no_new_privs`.
fn landlock() -> Result<RestrictionStatus, RulesetError> {
    Ruleset::default()
        .handle_access(AccessFs::from_all(TARGET))?
        .handle_access(AccessNet::from_all(TARGET))?
        .scope(Scope::from_all(TARGET))?
        .create()?
        // Paths that do not exist here are left out.
        .add_rules(path_beneath_rules(READABLE, AccessFs::from_read(TARGET)))?
        .add_rules(path_beneath_rules(
            ["/dev/null"],
            AccessFs::ReadFile | AccessFs::WriteFile,
        ))?
        .restrict_self()
}

/// The seccomp filters: everything allowed but [`DENIED`] and `clone` into [`NAMESPACES`]
/// (EPERM), and `clone3`, whose flags are in memory a filter cannot read: refused as not
/// implemented (ENOSYS), so that the C library falls back to `clone`, checked above.
fn seccomp() -> Result<(), String> {
    let arch = TargetArch::try_from(std::env::consts::ARCH).map_err(|e| e.to_string())?;
    let mut denied: BTreeMap<i64, Vec<SeccompRule>> =
        DENIED.iter().map(|&call| (call, Vec::new())).collect();
    let mut namespaces = Vec::new();
    for &flag in NAMESPACES {
        let flag = flag as u64;
        let flag_set = SeccompCondition::new(
            0,
            SeccompCmpArgLen::Qword,
            SeccompCmpOp::MaskedEq(flag),
            flag,
        )
        .map_err(|e| e.to_string())?;
        namespaces.push(SeccompRule::new(vec![flag_set]).map_err(|e| e.to_string())?);
    }
    denied.insert(libc::SYS_clone, namespaces);
    let mut not_implemented = BTreeMap::from([(libc::SYS_clone3, Vec::new())]);
    if arch == TargetArch::x86_64 {
        denied.extend(X32_ONLY.iter().map(|&call| (call, Vec::new())));
        for calls in [&mut denied, &mut not_implemented] {
            let aliases: Vec<(i64, Vec<SeccompRule>)> = calls
                .iter()
                .map(|(call, rules)| (*call | X32, rules.clone()))
                .collect();
            calls.extend(aliases);
        }
    }
    install(denied, libc::EPERM, arch)?;
    install(not_implemented, libc::ENOSYS, arch)
}

fn install(
    calls: BTreeMap<i64, Vec<SeccompRule>>,
    errno: libc::c_int,
    arch: TargetArch,
) -> Result<(), String> {
    let errno = u32::try_from(errno).map_err(|e| e.to_string())?;
    let filter = SeccompFilter::new(
        calls,
        SeccompAction::Allow,
        SeccompAction::Errno(errno),
        arch,
    )
    .map_err(|e| e.to_string())?;
    let program = BpfProgram::try_from(filter).map_err(|e| e.to_string())?;
    seccompiler::apply_filter(&program).map_err(|e| e.to_string())
}
