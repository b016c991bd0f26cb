package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.DefaultHandler;

/** A badge is an SVG file of its own: well-formed XML whatever its text holds. */
class BadgeXmlTest {
  @Test
  void aTitleWithANoBreakSpaceQuotesAndAmpersandsIsWellFormedXml() throws Exception {
    String badge = Charts.badge("30\u00a0days & <more>", "95\u00a0% \"kept\"", "met", "Answer in 30\u00a0days: it's 'kept' & \"met\"");
    assertThat(badge).doesNotContain("&nbsp;");
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.newSAXParser().parse(new ByteArrayInputStream(badge.getBytes(StandardCharsets.UTF_8)), new DefaultHandler());
  }
}
