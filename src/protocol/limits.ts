// Size caps shared by browser and server, so the browser can say "too long" before sending.
export const limits = {
  /** Characters as a person counts them (graphemes). */
  messageMaxChars: 4000,
  /** And at most this many bytes of UTF-8, whatever the characters. */
  messageMaxBytes: 32 * 1024,
  nicknameMaxChars: 40,
  clientIdMaxChars: 64,
  /** Messages one socket may send per 10 seconds before it is told to slow down. */
  messagesPer10s: 20,
  /** Bytes in one Socket.IO frame; larger frames are dropped by the transport itself. */
  maxFrameBytes: 64 * 1024,
} as const;
