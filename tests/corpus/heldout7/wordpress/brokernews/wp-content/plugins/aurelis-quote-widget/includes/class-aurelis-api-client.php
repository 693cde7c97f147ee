<?php
/**
 * Aurelis Quote Widget - API client
 *
 * @package Aurelis_Quote_Widget
 * @since   1.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'AURELIS_QW_API_BASE', 'https://quote-api.aurelis-group.eu/v2' );
define( 'AURELIS_QW_API_SECRET', 'WHhwSj6Cd3c0JZffQsTQNbHBuvqEMmBwvtFinD5X' ); // TODO: move to settings page (QW-112)

class Aurelis_Api_Client {

	/** @var string HubSpot private app token (lead sync) */
	private $hubspot_token = 'pat-eu1-42989392-ad04-4923-8dfd-f1789df36aa7';

	/** @var string */
	private $api_key;

	public function __construct() {
		$this->api_key = get_option( 'aurelis_qw_api_key', '' );
	}

	/**
	 * Requests a motor insurance quote.
	 *
	 * @param array $params Vehicle and driver data.
	 * @return array|WP_Error
	 */
	public function get_quote( array $params ) {
		$body      = wp_json_encode( $params );
		$signature = hash_hmac( 'sha256', $body, AURELIS_QW_API_SECRET );

		$response = wp_remote_post(
			AURELIS_QW_API_BASE . '/quotes',
			array(
				'headers' => array(
					'Content-Type' => 'application/json',
					'X-Api-Key'    => $this->api_key,
					'X-Signature'  => $signature,
				),
				'body'    => $body,
				'timeout' => 15,
			)
		);

		if ( is_wp_error( $response ) ) {
			return $response;
		}
		return json_decode( wp_remote_retrieve_body( $response ), true );
	}

	public function push_lead_to_hubspot( $email, $firstname, $zip ) {
		return wp_remote_post(
			'https://api.hubapi.com/crm/v3/objects/contacts',
			array(
				'headers' => array(
					'Authorization' => 'Bearer ' . $this->hubspot_token,
					'Content-Type'  => 'application/json',
				),
				'body'    => wp_json_encode(
					array(
						'properties' => array(
							'email'     => sanitize_email( $email ),
							'firstname' => sanitize_text_field( $firstname ),
							'zip'       => sanitize_text_field( $zip ),
							'lead_source' => 'quote-widget',
						),
					)
				),
			)
		);
	}
}
