/**
 * History files as JSON. `historyToJSON`/`historyFromJSON` of @temporalio/common 1.24 fail in
 * this install ("type must be a Type": it nests protobufjs 8 next to the proto package's 7), so
 * the files hold protobufjs' own object form (longs and enums as strings, timestamps as
 * {seconds, nanos}) and are read back with History.fromObject. Replay takes the message as is.
 */
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
const HistoryMessage = temporal.api.history.v1.History;

export function historyToFileJSON(history: History): string {
  const message = HistoryMessage.fromObject(history);
  const plain = HistoryMessage.toObject(message, {
    longs: String,
    enums: String,
    bytes: String,
    defaults: false,
  });
  return `${JSON.stringify(plain, null, 1)}\n`;
}

export function historyFromFileJSON(text: string): temporal.api.history.v1.History {
  return HistoryMessage.fromObject(JSON.parse(text) as Record<string, unknown>);
}
