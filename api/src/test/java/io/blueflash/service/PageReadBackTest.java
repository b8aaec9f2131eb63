package io.blueflash.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.PageAction;
import io.blueflash.flash.PagePlan;
import org.junit.jupiter.api.Test;

class PageReadBackTest {

    private static final PagePlan PAGE = new PagePlan(3, 0x0800_0C00L, PageAction.PROGRAM_ONLY, new byte[] {1, 2, 3, 4});

    @Test
    void givenAWriteThatErasedNothing_whenAByteDiffers_thenTheMessageSaysThePageWasNotBlankAndNamesTheAddress() {
        assertThatThrownBy(() -> PageReadBack.requireEqualOnBlank(PAGE, PAGE.data(), new byte[] {1, 2, 0, 4}))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("page 3").hasMessageContaining("0x08000C02")
                .hasMessageContaining("this page was not").hasMessageContaining("page erase");
    }

    @Test
    void givenAWriteThatErasedNothing_whenAllBytesMatch_thenNoError() {
        assertThatCode(() -> PageReadBack.requireEqualOnBlank(PAGE, PAGE.data(), PAGE.data().clone()))
                .doesNotThrowAnyException();
    }
}
