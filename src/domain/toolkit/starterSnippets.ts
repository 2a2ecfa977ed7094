// The starter set every new installation gets once (migration 014): short texts in plain
// language (B1) for a chat with a young person who may be a victim. Supervisors change, add or
// remove them afterwards; the counsellor always edits before sending.
import type { SnippetContent } from './snippet.js';

export const starterSnippets: readonly SnippetContent[] = [
  {
    language: 'nl',
    topic: 'Begroeten',
    title: 'Welkom',
    body: 'Hoi, fijn dat je er bent. Ik ben hier om naar je te luisteren. Je mag alles vertellen wat je wilt, in je eigen tempo. Waar wil je over praten?',
  },
  {
    language: 'nl',
    topic: 'Veiligheid',
    title: 'Ben je nu veilig?',
    body: 'Ik wil eerst iets vragen: ben je nu op een veilige plek? Is er iemand bij je die meeleest of je bang maakt? Ben je in gevaar, bel dan meteen 112.',
  },
  {
    language: 'nl',
    topic: 'Anonimiteit',
    title: 'Anoniem chatten',
    body: 'Deze chat is anoniem. Je hoeft je naam, adres of school niet te zeggen. Wij zien niet wie je bent of waar je bent. Jij bepaalt wat je vertelt.',
  },
  {
    language: 'nl',
    topic: 'Afsluiten',
    title: 'Afsluiten',
    body: 'Dank je wel dat je met mij hebt gepraat. Dat was moedig. Je kunt altijd terugkomen als je weer wilt praten. Pas goed op jezelf.',
  },
  {
    language: 'en',
    topic: 'Greeting',
    title: 'Welcome',
    body: 'Hi, I am glad you are here. I am here to listen to you. You can tell me whatever you want, at your own pace. What would you like to talk about?',
  },
  {
    language: 'en',
    topic: 'Safety',
    title: 'Are you safe now?',
    body: 'First I want to ask you something: are you in a safe place right now? Is someone with you who is reading along or making you afraid? If you are in danger, call 112 right away.',
  },
  {
    language: 'en',
    topic: 'Anonymity',
    title: 'Chatting anonymously',
    body: 'This chat is anonymous. You do not have to tell us your name, address or school. We cannot see who you are or where you are. You decide what you tell us.',
  },
  {
    language: 'en',
    topic: 'Closing',
    title: 'Closing',
    body: 'Thank you for talking with me. That was brave. You can always come back if you want to talk again. Take good care of yourself.',
  },
];
