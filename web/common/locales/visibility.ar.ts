// Visibility, for visitors and partner pages, Arabic. DRAFT: not yet checked by a native speaker.
// Same keys as visibility.nl.ts; {min}, {max} and {when} are filled in by the widget.
import type { visibilityNl } from './visibility.nl.js';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** The widget's status badge alone: /embed.js takes only this. */
export const badgeAr: Same<(typeof visibilityNl)['badge']> = {
  link: 'تحدّث دون ذكر اسمك مع مرشد',
  open: 'مفتوح الآن',
  busy: 'ضغط كبير: قد تنتظر قليلًا',
  busyUpTo: 'ضغط كبير: الانتظار حتى {max} دقيقة',
  busyRange: 'ضغط كبير: الانتظار من {min} إلى {max} دقيقة',
  busyMore: 'ضغط كبير: الانتظار أكثر من {min} دقيقة',
  closed: 'مغلق الآن',
  closedUntil: 'مغلق الآن، نفتح من جديد {when}',
};

export const visibilityAr: Same<typeof visibilityNl> = {
  howFound: {
    question: 'كيف وجدتنا؟',
    hint: 'لا داعي للإجابة. نحن نعدّ فقط كم مرة تُعطى كل إجابة، وليس من أعطاها.',
    answers: {
      search: 'محرك بحث',
      social_media: 'وسائل التواصل الاجتماعي',
      school: 'المدرسة',
      friend: 'صديق أو العائلة',
      professional: 'مرشد أو أخصائي اجتماعي',
      poster: 'ملصق أو منشور',
      other: 'شيء آخر',
    },
  },
  privacy: {
    title: 'كيف نعدّ الطريقة التي وجدتنا بها',
    text: 'هل وصلت عبر رابط أو ملصق أو موقع فيه رمز؟ عندها نعدّ كل يوم كم مرة فتح هذا الرمز صفحة البداية وكم محادثة بدأت. هذه الأرقام فقط، وليس من كان: لا نحفظ الرمز مع محادثتك. وكذلك جوابك على «كيف وجدتنا؟».',
  },
  badge: badgeAr,
};
