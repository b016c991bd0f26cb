package dev.kept.load;

import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes untrusted bytes as strict UTF-8, reporting the line and column of the first bad byte. */
final class Text {
  private Text() {}

  /**
   * The text of {@code bytes}, without a leading byte-order mark; or empty, with an error, when the
   * bytes are not valid UTF-8 or contain a NUL.
   */
  static Optional<String> decode(byte[] bytes, String file, Findings findings) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      findings.error(
          new SourcePos(file, 1, 1),
          "the file is saved as UTF-16, not UTF-8",
          "Save the file as UTF-8. Spreadsheet exports often offer \"CSV UTF-8\".");
      return Optional.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      SourcePos pos = positionAtEnd(out, file, yamlBreaks(file));
      findings.error(
          pos,
          "the file is not valid UTF-8 (byte " + (in.position() + 1) + ")",
          "Save the file as UTF-8. Spreadsheet exports often offer \"CSV UTF-8\".");
      return Optional.empty();
    }
    try {
      decoder.flush(out);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e);
    }
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      findings.error(
          positionAtEnd(CharBuffer.wrap(text, 0, nul), file, yamlBreaks(file)),
          "the file contains a NUL character, so it is not a text file",
          "Save it again as plain UTF-8 text.");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** Whether the file is YAML, whose line breaks include NEL, LINE and PARAGRAPH SEPARATOR. */
  private static boolean yamlBreaks(String file) {
    return file.endsWith(".yaml");
  }

  /**
   * The line and column just after the given decoded text, counting lines as the file's parser
   * does: CRLF, a lone CR and LF each end a line (and, in YAML, NEL, LS and PS).
   */
  private static SourcePos positionAtEnd(CharSequence decoded, String file, boolean yaml) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      boolean crlf = c == '\r' && i + 1 < decoded.length() && decoded.charAt(i + 1) == '\n';
      boolean yamlOnly = yaml && (c == '\u0085' || c == '\u2028' || c == '\u2029');
      if ((c == '\n' || c == '\r' || yamlOnly) && !crlf) {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourcePos(file, line, column);
  }

}
