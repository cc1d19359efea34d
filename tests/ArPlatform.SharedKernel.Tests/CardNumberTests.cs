namespace ArPlatform.SharedKernel.Tests;

public class CardNumberTests
{
    [Theory]
    [InlineData("card 4111111111111111 please", "card ************1111 please")]
    [InlineData("Visa 4111 1111 1111 1111.", "Visa **** **** **** 1111.")]
    [InlineData("MC 5555-5555-5555-4444", "MC ****-****-****-4444")]
    [InlineData("amex 378282246310005", "amex ***********0005")]
    [InlineData("discover 6011111111111117 and visa 4012888888881881",
        "discover ************1117 and visa ************1881")]
    [InlineData("paid with 2223003122003222", "paid with ************3222")]
    public void Card_numbers_are_masked_to_their_last_four_digits(string text, string masked) =>
        Assert.Equal(masked, CardNumbers.Mask(text));

    [Theory]
    [InlineData("INV-2026-000123")]
    [InlineData("PO 4111111111111112")]          // Luhn fails
    [InlineData("ref 1234567890123452")]         // Luhn passes, no issuer starts with 1
    [InlineData("IBAN DE89 3704 0044 0532 0130 00")]
    [InlineData("call +1 555 0100")]
    [InlineData("")]
    public void Other_numbers_are_left_alone(string text) => Assert.Equal(text, CardNumbers.Mask(text));

    [Fact]
    public void A_card_number_grouped_after_other_digits_is_still_found() =>
        Assert.Equal("Order 1234 **** **** **** 1111", CardNumbers.Mask("Order 1234 4111 1111 1111 1111"));

    [Fact]
    public void Digits_glued_to_a_longer_number_are_not_a_card() =>
        Assert.Equal("12344111111111111111", CardNumbers.Mask("12344111111111111111"));

    [Fact]
    public void Detection_says_whether_text_holds_a_card_number()
    {
        Assert.True(CardNumbers.ContainsCardNumber("4111-1111-1111-1111"));
        Assert.False(CardNumbers.ContainsCardNumber("PO-778"));
        Assert.False(CardNumbers.ContainsCardNumber(null));
    }
}
