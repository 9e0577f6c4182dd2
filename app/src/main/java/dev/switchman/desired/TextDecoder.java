package dev.switchman.desired;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text, refusing binary files and invalid UTF-8 rather than guessing. */
final class TextDecoder {

    /** The text, or the reason there is none. */
    record Decoded(String text, String problem) {
    }

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Decoded(null, "binary file (a NUL byte at offset " + i + "); only YAML text is read");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            String text = chars.toString();
            return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        } catch (CharacterCodingException e) {
            return new Decoded(null, "not valid UTF-8 (near byte offset " + in.position()
                    + "); save the file as UTF-8");
        }
    }
}
