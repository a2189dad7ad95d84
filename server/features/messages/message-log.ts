import type { MessageDto } from '../../../common/contracts/notifications';
import { maskRecipient } from '../../domain/messages/messages';
import type { AppContext } from '../../platform/context';
import { listMessages } from './messages.repository';

/** 短信记录 as the administration tab reads it: newest first, recipients masked, tracking codes withheld. */
export async function messageLog(ctx: AppContext, ticketId: number | null): Promise<MessageDto[]> {
  const rows = await listMessages(ctx.db, ticketId);
  return rows.map((r) => ({
    id: r.id,
    channel: 'sms' as const,
    to: maskRecipient(r.recipient),
    template: r.template,
    // The citizen's tracking code is theirs alone: the log shows the text without it.
    text: r.template === 'citizen-intake' ? r.text.replace(/查询码\w+/, '查询码********') : r.text,
    status: r.status as MessageDto['status'],
    attempts: r.attempts,
    ticketId: r.ticket_id,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  }));
}
