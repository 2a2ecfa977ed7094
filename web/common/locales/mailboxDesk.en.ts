// Console strings for the anonymous mailbox (English).
import type { mailboxDeskNl } from './mailboxDesk.nl.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const mailboxDeskEn: Shape<typeof mailboxDeskNl> = {
  mailboxDesk: {
    nav: 'Mailbox',
    navCount: 'Mailbox ({{count}})',
    navCountLabel: 'Mailbox, unanswered messages: {{count}}',
    title: 'Mailbox',
    intro: 'Messages from visitors who could not chat. Oldest first. Take a message, write an answer. She reads it with her return code; she gets no notification.',
    empty: 'No messages are waiting.',
    refresh: 'Refresh',
    received: 'Received',
    language: 'Language',
    status: 'Status',
    actions: 'Actions',
    open: 'Not taken yet',
    claimedByMe: 'Taken by you',
    claimedBy: 'Taken by {{name}}',
    claim: 'Take this message',
    read: 'Read',
    letterTitle: 'Message of {{when}}',
    herLetter: 'Her message',
    readAudited: 'Opening a message is recorded in the audit log.',
    answerLabel: 'Your answer',
    answerHint: 'Write in plain language. She reads it only when she comes to look.',
    send: 'Send answer',
    release: 'Give back to the mailbox',
    close: 'Close',
    sent: 'Answer sent. The message is now under Coding: code it there to close it.',
    answerDaysSetting: 'Mailbox: we answer within (working days)',
    notYours: 'A colleague has taken this message.',
  },
};
