//! Small measuring tools: percentiles, the machine, a process's resident memory.
use std::time::Duration;

/// The `p`-th percentile (0–100) of `samples` by nearest rank.
pub fn percentile(samples: &[Duration], p: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = samples.to_vec();
    sorted.sort();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Cores, memory, load average, kernel: the first lines of the report.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = read("/proc/meminfo")
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .unwrap_or("MemTotal: ?")
        .split_whitespace()
        .nth(1)
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or("?".to_owned(), |kb| {
            format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0)
        });
    let load = read("/proc/loadavg");
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let kernel = read("/proc/sys/kernel/osrelease");
    format!(
        "- cores: {cores}\n- memory: {memory}\n- load average at start (1, 5, 15 min): {}\n- kernel: {}",
        load.join(", "),
        kernel.trim()
    )
}

/// Resident memory of process `pid`, in KiB (VmRSS).
pub fn rss_kib(pid: u32) -> u64 {
    read(&format!("/proc/{pid}/status"))
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let samples: Vec<Duration> = (1..=10).map(Duration::from_millis).collect();
        assert_eq!(percentile(&samples, 50.0), Duration::from_millis(5));
        assert_eq!(percentile(&samples, 99.0), Duration::from_millis(10));
        assert_eq!(percentile(&samples, 10.0), Duration::from_millis(1));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }
}
