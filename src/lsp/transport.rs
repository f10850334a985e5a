//! The server's standard input and output as a [`Connection`]: lsp-server's own stdio transport
//! with one difference. A message whose body is not JSON-RPC (a client's bug, a stray write into the
//! pipe) is reported to the client as a log message and skipped; lsp-server's transport ends the
//! server there. Its framing (the `Content-Length` header) was read whole, so the next message is
//! still found where it starts; a header that cannot be read still ends the connection.

use crossbeam_channel::{Sender, bounded};
use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::Notification as _;
use std::io::{self, BufReader};
use std::thread::{self, JoinHandle};

/// The reader and writer threads; [`Threads::join`] waits for both once the connection is dropped.
pub struct Threads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    pub fn join(self) -> io::Result<()> {
        let reader = self
            .reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("reader panicked")));
        let writer = self
            .writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("writer panicked")));
        reader.and(writer)
    }
}

/// A connection over this process's standard input and output.
pub fn stdio() -> io::Result<(Connection, Threads)> {
    let (to_writer, from_server) = bounded::<Message>(0);
    let writer = thread::Builder::new()
        .name("docreview-lsp-writer".into())
        .spawn(move || {
            let mut out = io::stdout().lock();
            from_server
                .into_iter()
                .try_for_each(|msg| msg.write(&mut out))
        })?;
    let (to_server, from_reader) = bounded::<Message>(0);
    let notices = to_writer.clone();
    let reader = thread::Builder::new()
        .name("docreview-lsp-reader".into())
        .spawn(move || {
            read(
                &mut BufReader::new(io::stdin().lock()),
                &to_server,
                &notices,
            )
        })?;
    let conn = Connection {
        sender: to_writer,
        receiver: from_reader,
    };
    Ok((conn, Threads { reader, writer }))
}

/// Reads messages from `input` until `exit`, the end of input or a broken header.
pub fn read(
    input: &mut impl io::BufRead,
    to_server: &Sender<Message>,
    notices: &Sender<Message>,
) -> io::Result<()> {
    loop {
        match Message::read(input) {
            Ok(Some(msg)) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if to_server.send(msg).is_err() || exit {
                    return Ok(());
                }
            }
            Ok(None) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData && is_bad_body(&e) => {
                let _ = notices.send(log_error(&format!(
                    "docreview: skipped a message that is not JSON-RPC ({})",
                    short(&e.to_string())
                )));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Whether the framing was read and only the body was wrong (lsp-server's wording for that case).
fn is_bad_body(e: &io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<std::string::FromUtf8Error>())
        || e.to_string().starts_with("malformed LSP payload")
}

/// The first line of lsp-server's error, without the body it quotes in full.
fn short(message: &str) -> String {
    let reason = message
        .split_once('`')
        .and_then(|(_, rest)| rest.split_once('`'))
        .map_or(message, |(inner, _)| inner);
    reason.chars().take(200).collect()
}

fn log_error(message: &str) -> Message {
    Message::Notification(Notification::new(
        lsp_types::notification::LogMessage::METHOD.into(),
        lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: message.to_owned(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_body_that_is_not_json_rpc_is_skipped_and_the_next_message_read() {
        let mut input = b"Content-Length: 1\r\n\r\n\xff".to_vec();
        let rest = [
            framed("{not json"),
            framed(r#"{"jsonrpc":"2.0","id":1}"#),
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            framed(r#"{"jsonrpc":"2.0","method":"never-read"}"#),
        ]
        .concat();
        input.extend_from_slice(rest.as_bytes());
        let (to_server, from_reader) = crossbeam_channel::unbounded();
        let (notices, logged) = crossbeam_channel::unbounded();
        read(&mut input.as_slice(), &to_server, &notices).expect("reads to exit");
        let read: Vec<Message> = from_reader.try_iter().collect();
        assert_eq!(read.len(), 1, "only `exit` is a message: {read:?}");
        assert!(matches!(&read[0], Message::Notification(n) if n.method == "exit"));
        let logged: Vec<String> = logged
            .try_iter()
            .map(|m| match m {
                Message::Notification(n) => n.params.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            logged.len(),
            3,
            "not UTF-8, not JSON, not a message: {logged:?}"
        );
        assert!(logged[0].contains("not JSON-RPC"), "{logged:?}");
    }

    #[test]
    fn a_broken_header_ends_the_connection_with_an_error() {
        let (to_server, _r) = crossbeam_channel::unbounded();
        let (notices, _l) = crossbeam_channel::unbounded();
        let err = read(
            &mut "Content-Length: x\r\n\r\n{}".as_bytes(),
            &to_server,
            &notices,
        );
        assert!(err.is_err());
    }
}
