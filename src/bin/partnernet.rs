//! The `partnernet` command-line tool; see `partnernet --help`.

fn main() {
    let mut stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let mut io = partnernet::cli::Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
    };
    let now = chrono::Local::now().naive_local();
    let code = partnernet::cli::main(std::env::args_os(), &mut io, now);
    std::process::exit(code);
}
