package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up tells Jetty the cache line's references itself, with the value Jetty would have worked out. */
class JettyCacheLinesTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JettyCacheLines.PROPERTY);
        System.clearProperty(JettyCacheLines.PROPERTY);
    }

    @AfterEach
    void putBack() {
        if (before == null) {
            System.clearProperty(JettyCacheLines.PROPERTY);
        } else {
            System.setProperty(JettyCacheLines.PROPERTY, before);
        }
    }

    @Test
    void theValueIsWhatJettyFindsThroughThePlatformMBeanServer() throws Exception {
        // Jetty's MemoryUtils without the property: UseCompressedOops from the HotSpot MBean, then 64 >> 2 or >> 3.
        CompositeData option = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        ObjectName.getInstance("com.sun.management:type=HotSpotDiagnostic"),
                        "getVMOption",
                        new Object[] {"UseCompressedOops"},
                        new String[] {String.class.getName()});
        int jettys = Boolean.parseBoolean((String) option.get("value")) ? 64 >> 2 : 64 >> 3;

        JettyCacheLines.preset();

        assertThat(System.getProperty(JettyCacheLines.PROPERTY)).isEqualTo(String.valueOf(jettys));
    }

    @Test
    void aValueTheOperatorSetIsKept() {
        System.setProperty(JettyCacheLines.PROPERTY, "3");

        JettyCacheLines.preset();

        assertThat(System.getProperty(JettyCacheLines.PROPERTY)).isEqualTo("3");
    }

    @Test
    void theCacheLineIsReadAsJettyReadsIt() {
        assertThat(JettyCacheLines.cacheLineBytes(null)).isEqualTo(64);
        assertThat(JettyCacheLines.cacheLineBytes("not a number")).isEqualTo(64);
        assertThat(JettyCacheLines.cacheLineBytes("128")).isEqualTo(128);
        assertThat(JettyCacheLines.referencesPerCacheLine(128, true)).isEqualTo(32);
        assertThat(JettyCacheLines.referencesPerCacheLine(128, false)).isEqualTo(16);
    }
}
