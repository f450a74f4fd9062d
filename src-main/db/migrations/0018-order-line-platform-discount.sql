-- Platform-funded (non-cash) discounts on an order line (issue 15, point 3): a Shopee voucher, Shopee
-- coins, a Shopee rebate or bundle discount, a TikTok platform discount (on the item, its shipping or
-- the payment). The platform pays them to the seller, so they are not in the line's `discount` (the
-- seller's promotions) and stay in the declared goods value; the buyer paid that much less, so the
-- CEB403 `charge` leaves them out: charge + these discounts = goodsValue + freight. NULL: none stated.
ALTER TABLE order_lines ADD COLUMN platform_discount INTEGER;
