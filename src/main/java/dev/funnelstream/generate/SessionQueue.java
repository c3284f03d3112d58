package dev.funnelstream.generate;

import java.util.Arrays;

/**
 * Open sessions ordered by their next event (time, then planning order): a binary min-heap that can
 * re-sort its top in place, which saves a remove and an insert for almost every row.
 */
final class SessionQueue {
    private ShopSession[] heap = new ShopSession[1024];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    ShopSession peek() {
        return heap[0];
    }

    void add(ShopSession s) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!s.before(heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = s;
    }

    /** Call after the top session advanced: moves it down to its new place. */
    void topChanged() {
        siftDown(heap[0]);
    }

    void removeTop() {
        ShopSession last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
    }

    private void siftDown(ShopSession s) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(s)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = s;
    }
}
