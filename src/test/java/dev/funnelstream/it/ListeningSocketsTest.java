package dev.funnelstream.it;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ListeningSocketsTest {
    @Test
    void readsProcAddressesInTheirByteOrder() throws Exception {
        assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("00000000")).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F").isLoopbackAddress()).isTrue();
        assertThat(ListeningSockets.address("00000000000000000000000001000000")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.address("00000000000000000000000000000000").isLoopbackAddress()).isFalse();
    }

    @Test
    void findsThisProcesssListeningSockets() throws Exception {
        assumeTrue(ListeningSockets.readable());
        long self = ProcessHandle.current().pid();
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket any = new ServerSocket(0)) {
            assertThat(ListeningSockets.of(self))
                    .anyMatch(InetAddress::isLoopbackAddress)
                    .anyMatch(InetAddress::isAnyLocalAddress);
        }
    }
}
